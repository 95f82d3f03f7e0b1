"""UI language: German or English, following the system unless the desk setting says otherwise."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cmdesk.paths import resource_path

LANGUAGES = ("en", "de")
_installed: list[QTranslator] = []
_language = "en"


def language_for(setting: str, *, system: QLocale | None = None) -> str:
    """'de' or 'en' for the setting 'system' | 'de' | 'en' (any other system language gets English)."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    return "de" if locale.language() == QLocale.Language.German else "en"


def install(language: str) -> bool:
    """Replace the installed translators; True when the German catalogue was found and loaded."""
    global _language
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = "en"
    if language != "de":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        # English needs a catalogue too, for its plurals only: "1 message", "3 messages" from "%n message(s)"
        plurals = QTranslator(app)
        if plurals.load(str(resource_path("translations/cmdesk_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return False
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    ours = QTranslator(app)
    loaded = ours.load(str(resource_path("translations/cmdesk_de.qm")))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
        _language = "de"
    qt = QTranslator(app)
    if qt.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


def current() -> str:
    return _language
