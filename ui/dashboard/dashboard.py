"""The team lead's dashboard: coverage, PV KPIs, workload and mood, each figure one click from its messages."""

from __future__ import annotations

import csv
import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.errors import UserError
from cmdesk.reports import AccountCoverage, MoodReport, PVReport, ReportFilter, Reports, WorkloadReport
from cmdesk.store.queue import QueueFilter
from ui.accounts.text import status_text
from ui.bridge import DeskBridge
from ui.dashboard.charts import bar_chart, channel_day_series, day_labels
from ui.dashboard.data import DashboardData, combine, load_counts
from ui.error_text import error_text, stored_error_text

log = logging.getLogger(__name__)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]], *, alert_rows: set[int] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("–" if value is None else str(value))  # item text is never rich text
            if isinstance(value, (int, float)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if alert_rows and r in alert_rows:
                item.setForeground(QBrush(QColor("#b42318")))
            table.setItem(r, c, item)
    table.setFixedHeight(
        min(320, table.horizontalHeader().height() + 6 + sum(table.rowHeight(i) for i in range(len(rows))))
    )


class Dashboard(QWidget):
    """Figures for a time range and filters; ``show_messages`` carries the queue filter of a clicked figure."""

    show_messages = Signal(object)  # QueueFilter

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.data: DashboardData | None = None
        self._loading = 0  # counts refreshes, so parts of an older one are dropped
        # The channel, agent and product chosen before a lock emptied the filter lists: the refresh after the
        # unlock filters by them and selects them again once the lists are filled.
        self._kept: tuple[Any, Any, Any] | None = None
        self._build()
        bridge.messages_changed.connect(lambda _ids: None)  # figures refresh on demand, not on every change
        bridge.locked.connect(self.clear)
        bridge.unlocked.connect(self._on_unlocked)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.period = QComboBox()
        for days in (7, 14, 30, 60):
            self.period.addItem(self.tr("Last %n day(s)", "", days), days)
        self.period.setCurrentIndex(1)
        self.channel = QComboBox()
        self.agent = QComboBox()
        self.product = QComboBox()
        for combo, label in (
            (self.channel, self.tr("All channels")),
            (self.agent, self.tr("All agents")),
            (self.product, self.tr("All products")),
        ):
            combo.addItem(label, None)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        export = QToolButton()
        export.setText(self.tr("Export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(self.tr("Tables as CSV…"), self._export_csv)
        menu.addAction(self.tr("Dashboard as PNG…"), self._export_png)
        menu.addAction(self.tr("Dashboard as PDF…"), self._export_pdf)
        export.setMenu(menu)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        for w in (QLabel(self.tr("Period:")), self.period, self.channel, self.agent, self.product, refresh, export):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.status)
        outer.addLayout(bar)
        for combo in (self.period, self.channel, self.agent, self.product):
            combo.activated.connect(self.refresh)

        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.content = QWidget()
        self.body = QVBoxLayout(self.content)
        self.scroller.setWidget(self.content)
        outer.addWidget(self.scroller, 1)

        self.coverage_table = _table(
            [
                self.tr("Channel"),
                self.tr("Status"),
                self.tr("Last successful sync"),
                self.tr("Hours since"),
                self.tr("Monitoring"),
                self.tr("Last error"),
            ]
        )
        self.coverage_table.cellDoubleClicked.connect(self._on_coverage_clicked)
        self._section(self.tr("Monitoring coverage (a gap means adverse events may go unseen)"), self.coverage_table)

        self.pv_box = QWidget()
        self.pv_grid = QGridLayout(self.pv_box)
        self.pv_chart_slot = QVBoxLayout()
        pv = QWidget()
        pv_layout = QHBoxLayout(pv)
        pv_layout.addWidget(self.pv_box, 1)
        pv_layout.addLayout(self.pv_chart_slot, 1)
        self._section(self.tr("Pharmacovigilance"), pv)

        self.workload_table = _table(
            [
                self.tr("Agent"),
                self.tr("Open"),
                self.tr("Waiting"),
                self.tr("Handled"),
                self.tr("First response, median (business h)"),
                self.tr("First response, 90th pct"),
                self.tr("Handling, median (h)"),
                self.tr("SLA breaches"),
            ]
        )
        self.workload_table.cellDoubleClicked.connect(self._on_agent_clicked)
        self.workload_charts = QHBoxLayout()
        workload = QWidget()
        wl = QVBoxLayout(workload)
        wl.addWidget(self.workload_table)
        wl.addLayout(self.workload_charts)
        self._section(self.tr("Workload and response times"), workload)

        self.mood_charts = QHBoxLayout()
        self.alerts = QListWidget()
        self.alerts.setMaximumHeight(120)
        self.alerts.itemActivated.connect(self._on_alert_activated)
        mood = QWidget()
        ml = QVBoxLayout(mood)
        ml.addLayout(self.mood_charts)
        ml.addWidget(QLabel(self.tr("Crisis early warning")))
        ml.addWidget(self.alerts)
        self._section(self.tr("Mood"), mood)
        self.body.addStretch(1)

    def _section(self, title: str, widget: QWidget) -> None:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        self.body.addWidget(box)

    def sizeHint(self) -> QSize:
        return QSize(1200, 800)

    # -- data -------------------------------------------------------------------------------------

    def _filter_combos(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return (self.channel, self.agent, self.product)

    def current_filter(self) -> ReportFilter:
        account, agent, product = self._kept or tuple(combo.currentData() for combo in self._filter_combos())
        return ReportFilter(account_ids=(account,) if account is not None else (), agent=agent, product=product)

    def refresh(self) -> None:
        """Loads the figures on two reader threads at once: response times on one, the rest on the other."""
        days = int(self.period.currentData())
        f = self.current_filter()
        period = self.bridge.desk.reports.default_period(days)
        self._loading += 1
        loading = self._loading
        parts: dict[str, Any] = {}

        def arrived(name: str, value: Any) -> None:
            parts[name] = value
            if loading == self._loading and len(parts) == 2:  # a newer refresh replaces this one
                self.show_data(combine(parts["counts"], parts["responses"]))

        def failed(err: BaseException) -> None:
            # Without this the status said "Loading…" for good: the figures never come, so say why.
            if not isinstance(err, UserError):
                log.error("loading the dashboard failed", exc_info=(type(err), err, err.__traceback__))
            if loading == self._loading:
                self.status.setText(error_text(err))

        self.status.setText(self.tr("Loading…"))
        tasks = self.bridge.tasks
        reports = self.bridge.desk.reports
        tasks.read(
            lambda: reports.response_times(period, f),
            label=self.tr("Loading the dashboard"),
            on_done=lambda value: arrived("responses", value),
            on_error=failed,
        )
        tasks.read(
            lambda: load_counts(self.bridge, period=period, f=f),
            label=self.tr("Loading the dashboard"),
            on_done=lambda value: arrived("counts", value),
            on_error=failed,
        )

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self._fill_combos(data)
        self._show_coverage(data.coverage)
        self._show_pv(data.pv)
        self._show_workload(data.workload)
        self._show_mood(data.mood)
        start, end = data.period.start, data.period.end - timedelta(seconds=1)
        self.status.setText(self.tr("%1 to %2").replace("%1", f"{start:%d.%m.%Y}").replace("%2", f"{end:%d.%m.%Y}"))

    def clear(self) -> None:
        """On lock: nothing from the store stays, not even the names in the filter lists (all but "All …")."""
        if self._kept is None:
            channel, agent, product = (combo.currentData() for combo in self._filter_combos())
            self._kept = (channel, agent, product)
        for combo in self._filter_combos():
            combo.setCurrentIndex(0)
            for index in range(combo.count() - 1, 0, -1):
                combo.removeItem(index)
        self.data = None
        self._loading += 1  # what is still loading belongs to the locked desk
        for table in (self.coverage_table, self.workload_table):
            table.setRowCount(0)
        self.alerts.clear()
        for layout in (self.pv_chart_slot, self.workload_charts, self.mood_charts, self.pv_grid):
            _empty(layout)
        self.status.setText("")

    def _fill_combos(self, data: DashboardData) -> None:
        for combo, values in (
            (self.channel, data.accounts),
            (self.agent, [(a, a) for a in data.agents]),
            (self.product, [(p, p) for p in data.products]),
        ):
            if combo.count() > 1:
                continue
            for value, label in values:
                combo.addItem(label, value)
        if self._kept is not None:
            for combo, value in zip(self._filter_combos(), self._kept, strict=True):
                combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            self._kept = None

    def _on_unlocked(self) -> None:
        if self.isVisible():
            self.refresh()  # the figures left with the lock; a hidden dashboard loads when it is shown again

    def _show_coverage(self, rows: list[AccountCoverage]) -> None:
        gaps = {i for i, r in enumerate(rows) if r.gap}
        _fill(
            self.coverage_table,
            [
                [
                    r.name,
                    status_text(r.status),
                    f"{r.last_success_at:%d.%m.%Y %H:%M}" if r.last_success_at else self.tr("never"),
                    r.hours_since_success,
                    self.tr("GAP") if r.gap else self.tr("ok"),
                    stored_error_text(r.last_error or ""),
                ]
                for r in rows
            ],
            alert_rows=gaps,
        )

    def _show_pv(self, pv: PVReport) -> None:
        _empty(self.pv_grid)
        share = "–" if pv.share_forwarded_in_time is None else f"{pv.share_forwarded_in_time:.0%}"
        tiles = [
            (self.tr("Messages flagged"), pv.flagged, QueueFilter(view="all", pv=True)),
            (self.tr("Still unscreened"), pv.unscreened, QueueFilter(view="pv_review")),
            (self.tr("Forwarded within 24 h"), share, None),
            (self.tr("Overdue (internal 24 h)"), pv.overdue_internal, None),
            (self.tr("Overdue (regulatory)"), pv.overdue_regulatory, None),
            (self.tr("Follow-ups outstanding"), pv.follow_ups_outstanding, None),
            (self.tr("Reconciliation gaps"), sum(pv.reconciliation_gaps.values()), None),
        ]
        for i, (label, value, target) in enumerate(tiles):
            button = QPushButton(f"{value}\n{label}")
            button.setObjectName("kpiTile")
            button.setMinimumHeight(56)
            button.setEnabled(target is not None)
            if target is not None:
                button.clicked.connect(lambda _=False, t=target: self.show_messages.emit(t))
            self.pv_grid.addWidget(button, i // 3, i % 3)
        _empty(self.pv_chart_slot)
        ages = list(pv.open_cases_by_age)
        self.pv_chart_slot.addWidget(
            bar_chart(
                title=self.tr("Open cases by age"),
                categories=ages,
                series={self.tr("cases"): [pv.open_cases_by_age[a] for a in ages]},
                on_click=lambda _s, _i: self.show_messages.emit(QueueFilter(view="pv_review")),
            )
        )

    def _show_workload(self, report: WorkloadReport) -> None:
        _fill(
            self.workload_table,
            [
                [
                    a.agent or self.tr("(unassigned)"),
                    a.open,
                    a.waiting,
                    a.handled,
                    a.first_response_median_h,
                    a.first_response_p90_h,
                    a.handling_median_h,
                    a.sla_breaches,
                ]
                for a in report.agents
            ],
            alert_rows={i for i, a in enumerate(report.agents) if a.sla_breaches},
        )
        _empty(self.workload_charts)
        days = sorted({d for d, _, _ in report.handled_per_day})
        agents = sorted({a for _, a, _ in report.handled_per_day})
        handled = {a: [0.0] * len(days) for a in agents}
        for d, a, n in report.handled_per_day:
            handled[a][days.index(d)] = float(n)
        self.workload_charts.addWidget(
            bar_chart(
                title=self.tr("Handled per day"),
                categories=day_labels(days),
                series=handled,
                stacked=True,
                on_click=lambda agent, i: self.show_messages.emit(Reports.messages_filter(day=days[i], agent=agent)),
            )
        )
        volume_days, volume = channel_day_series(report.channel_days, negative_share=False)
        accounts = {r.account: r.account_id for r in report.channel_days}
        self.workload_charts.addWidget(
            bar_chart(
                title=self.tr("Volume per channel and day"),
                categories=day_labels(volume_days),
                series=volume,
                stacked=True,
                on_click=lambda name, i: self.show_messages.emit(
                    Reports.messages_filter(day=volume_days[i], account_id=accounts.get(name))
                ),
            )
        )

    def _show_mood(self, report: MoodReport) -> None:
        _empty(self.mood_charts)
        days, shares = channel_day_series(report.channel_days, negative_share=True)
        accounts = {r.account: r.account_id for r in report.channel_days}
        self.mood_charts.addWidget(
            bar_chart(
                title=self.tr("Negative messages per channel and day (%)"),
                categories=day_labels(days),
                series=shares,
                value_title="%",
                on_click=lambda name, i: self.show_messages.emit(
                    Reports.messages_filter(day=days[i], account_id=accounts.get(name), negative=True)
                ),
            )
        )
        self.alerts.clear()
        for alert in report.alerts:
            item = QListWidgetItem(str(alert.get("reason") or alert))
            item.setData(Qt.ItemDataRole.UserRole, alert)
            self.alerts.addItem(item)
        if not report.alerts:
            self.alerts.addItem(QListWidgetItem(self.tr("No spikes against the trailing baseline.")))

    # -- "which messages?" --------------------------------------------------------------------------

    def _on_coverage_clicked(self, row: int, _column: int) -> None:
        if self.data is not None and row < len(self.data.coverage):
            self.show_messages.emit(QueueFilter(view=f"account:{self.data.coverage[row].account_id}"))

    def _on_agent_clicked(self, row: int, _column: int) -> None:
        if self.data is not None and row < len(self.data.workload.agents):
            agent = self.data.workload.agents[row].agent
            self.show_messages.emit(QueueFilter(view="all", assignee=agent, statuses=("open", "waiting")))

    def _on_alert_activated(self, item: QListWidgetItem) -> None:
        alert = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(alert, dict) or self.data is None:
            return
        key = str(alert.get("key", ""))
        day = str(alert.get("day", ""))[:10]
        account_id = None
        if key.startswith("channel:"):
            account_id = dict((name, i) for i, name in self.data.accounts).get(key.split(":", 1)[1])
        self.show_messages.emit(
            Reports.messages_filter(day=day or None, account_id=account_id, negative=alert.get("kind") == "mood_spike")
        )

    # -- export -------------------------------------------------------------------------------------------

    def export_csv(self, folder: Path) -> list[Path]:
        written = []
        for name, table in (("coverage", self.coverage_table), ("workload", self.workload_table)):
            path = folder / f"cmdesk-{name}.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow([_text(table.horizontalHeaderItem(c)) for c in range(table.columnCount())])
                for r in range(table.rowCount()):
                    writer.writerow([_text(table.item(r, c)) for c in range(table.columnCount())])
            written.append(path)
        if self.data is not None:
            path = folder / "cmdesk-mood.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(["day", "channel", "volume", "negative"])
                for c in self.data.mood.channel_days:
                    writer.writerow([c.day, c.account, c.volume, c.negative])
            written.append(path)
            path = folder / "cmdesk-pv.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(["figure", "value"])
                for key, value in vars(self.data.pv).items():
                    if key != "period":
                        writer.writerow([key, value])
            written.append(path)
        return written

    def export_png(self, path: Path) -> bool:
        return self.content.grab().save(str(path), "PNG")

    def export_pdf(self, path: Path) -> None:
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setPageMargins(QMarginsF(10, 10, 10, 10))
        writer.setResolution(150)
        painter = QPainter(writer)
        picture = self.content.grab()
        area = painter.viewport()
        scaled = picture.scaled(
            area.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawPixmap(0, 0, scaled)
        painter.end()

    def _export_csv(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export tables to folder"))
        if folder:
            self.export_csv(Path(folder))

    def _export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save dashboard"), "dashboard.png", "PNG (*.png)")
        if path:
            self.export_png(Path(path))

    def _export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save dashboard"), "dashboard.pdf", "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def _empty(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
