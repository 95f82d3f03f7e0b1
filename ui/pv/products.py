"""The case form's suspect products table."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cmdesk.pv.e2b_codes import ACTIONS_TAKEN, DRUG_ROLES
from cmdesk.pv.model import CaseProduct
from ui.pv import labels
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import cell_combo, cell_text, combo, headers, select

# Column headers: source English (QT_TRANSLATE_NOOP returns its argument), translated at use.
# The words for seriousness criteria, relations, units and E2B codes are in ui.pv.labels.
PRODUCT_COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CaseForm", "Product"),
    QT_TRANSLATE_NOOP("CaseForm", "Role"),
    QT_TRANSLATE_NOOP("CaseForm", "Dose"),
    QT_TRANSLATE_NOOP("CaseForm", "Batch"),
    QT_TRANSLATE_NOOP("CaseForm", "Route"),
    QT_TRANSLATE_NOOP("CaseForm", "Indication"),
    QT_TRANSLATE_NOOP("CaseForm", "Action taken"),
)


class ProductsSection(CaseFormBase):
    """One row per product, with its E2B role and action taken; the stored product rides along in column 0."""

    def _build_products(self) -> QGroupBox:
        self.products_box = QGroupBox(self.tr("Suspect products"))
        layout = QVBoxLayout(self.products_box)
        self.products = QTableWidget(0, len(PRODUCT_COLUMNS))
        self.products.setHorizontalHeaderLabels(headers(PRODUCT_COLUMNS))
        self.products.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.products.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.products.setMinimumHeight(120)
        self.products.itemChanged.connect(self._changed)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add product"))
        add.clicked.connect(lambda: self.add_product_row(CaseProduct(name="")))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(lambda: self._remove_rows(self.products))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(self.products)
        layout.addLayout(buttons)
        return self.products_box

    def _fill_products(self, products: tuple[CaseProduct, ...]) -> None:
        self.products.setRowCount(0)
        for product in products:
            self.add_product_row(product)

    def add_product_row(self, product: CaseProduct) -> int:
        was_loading, self._loading = self._loading, True
        row = self.products.rowCount()
        self.products.insertRow(row)
        name = QTableWidgetItem(product.name)
        name.setData(Qt.ItemDataRole.UserRole, product)
        self.products.setItem(row, 0, name)
        role = combo([(key, labels.e2b(label)) for key, (_code, label) in DRUG_ROLES.items()])
        select(role, product.role)
        role.currentIndexChanged.connect(self._changed)
        self.products.setCellWidget(row, 1, role)
        for column, value in ((2, product.dose), (3, product.batch), (4, product.route), (5, product.indication)):
            self.products.setItem(row, column, QTableWidgetItem(value))
        action = combo([("", ""), *((code, f"{labels.e2b(label)} ({code})") for code, label in ACTIONS_TAKEN.items())])
        select(action, product.action_taken)
        action.currentIndexChanged.connect(self._changed)
        self.products.setCellWidget(row, 6, action)
        self._loading = was_loading
        self._changed()
        return row

    def form_products(self) -> tuple[CaseProduct, ...]:
        products: list[CaseProduct] = []
        for row in range(self.products.rowCount()):
            texts = [cell_text(self.products, row, c) for c in (0, 2, 3, 4, 5)]
            if not any(texts):
                continue  # an empty row someone added and never filled
            item = self.products.item(row, 0)
            base = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            products.append(
                dataclasses.replace(
                    base if isinstance(base, CaseProduct) else CaseProduct(name=""),
                    name=texts[0],
                    role=cell_combo(self.products, row, 1) or "suspect",
                    dose=texts[1],
                    batch=texts[2],
                    route=texts[3],
                    indication=texts[4],
                    action_taken=cell_combo(self.products, row, 6),
                )
            )
        return tuple(products)
