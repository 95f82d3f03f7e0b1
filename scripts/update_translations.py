"""Extract every UI string, fill German from resources/translations/de_strings.json, compile the .qm catalogues.

Run after adding or changing UI text:  .venv/bin/python scripts/update_translations.py
It prints the strings that still lack German (exit code 1 when there are any, with --strict).

de_strings.json maps an English source text (or "Context|source" where one context needs other German) to German.
A plural string, tr("%n message(s)", "", n), takes a list [singular, plural]: ["%n Nachricht", "%n Nachrichten"].
en_plurals.json gives the same pair in English; it becomes cmdesk_en.qm, which holds the plural strings only,
so that an English UI says "1 message" and "3 messages" instead of "1 message(s)".
Placeholders (%1, %n, {name}, {name!r}) and menu accelerators (&) must survive in every translation.

The core (cmdesk/) has no Qt, so lupdate cannot see its error texts: every UserError raised with a literal
English template, InvalidInput("there is no file {path}", path=path), is collected from the source here
and added to the .ts in context "errors", where ui/error_text.py looks it up.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "cmdesk_de.ts"
QM = TRANSLATIONS / "cmdesk_de.qm"
STRINGS = TRANSLATIONS / "de_strings.json"
TS_EN = TRANSLATIONS / "cmdesk_en.ts"
QM_EN = TRANSLATIONS / "cmdesk_en.qm"
EN_PLURALS = TRANSLATIONS / "en_plurals.json"
ERROR_TEMPLATES = TRANSLATIONS / "error_templates.json"  # ui/error_text.py reads it to recognise stored error texts

Translation: TypeAlias = str | list[str]
PLACEHOLDER = re.compile(r"%(?:n|\d+)|\{[A-Za-z_]\w*(?:![rsa])?(?::[^{}]*)?\}")
ACCELERATOR = re.compile(r"&[^&\s]")
PLURAL_FORMS = 2  # German and English both: one, other
ERRORS_CONTEXT = "errors"  # ui/error_text.py translates a core error's template in this context


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool


@dataclass(frozen=True)
class Problem:
    context: str
    source: str
    why: str  # "missing" or what is wrong with the translation


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else name


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def extract(ts: Path = TS) -> None:
    """Run lupdate over ui/ into ``ts`` (kept translations are merged, vanished strings dropped)."""
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *files,
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "de",
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def user_error_names() -> set[str]:
    """Names of UserError and every subclass, the calls whose first argument is a template."""
    from cmdesk.errors import UserError

    names: set[str] = set()
    todo: list[type[UserError]] = [UserError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def error_templates(roots: tuple[Path, ...] = (ROOT / "cmdesk", ROOT / "ui")) -> list[str]:
    """Every literal template a UserError is raised with under ``roots``, sorted and without duplicates.

    A call by name (``InvalidInput(...)``) or attribute (``errors.NotFound(...)``) counts; a message built at
    run time (a variable, an f-string) cannot be looked up and is skipped.
    """
    names = user_error_names()
    found: set[str] = set()
    for root in roots:
        for path in sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                first = node.args[0]
                if name in names and isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
                    found.add(first.value)
    return sorted(found)


def add_errors(templates: list[str], ts: Path = TS) -> None:
    """Put ``templates`` into the .ts as context "errors" (replacing it: lupdate drops it as not found in ui/)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for context in list(root.iter("context")):
        if context.findtext("name") == ERRORS_CONTEXT:
            root.remove(context)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = ERRORS_CONTEXT
    for template in templates:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        ET.SubElement(message, "translation", {"type": "unfinished"})
    _write(tree, ts)


def messages(ts: Path = TS) -> list[Message]:
    """Every (context, source) of a .ts file, in file order."""
    return [
        Message(context.findtext("name") or "", message.findtext("source") or "", message.get("numerus") == "yes")
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]


def load_dictionary(path: Path = STRINGS) -> dict[str, Translation]:
    data: dict[str, Translation] = json.loads(path.read_text(encoding="utf-8"))
    return data


def lookup(dictionary: dict[str, Translation], message: Message) -> Translation | None:
    return dictionary.get(f"{message.context}|{message.source}", dictionary.get(message.source))


def check(message: Message, translation: Translation | None) -> str | None:
    """Why ``translation`` cannot be used for ``message`` (None when it can)."""
    if translation is None:
        return "missing"
    if message.numerus:
        if not (isinstance(translation, list) and len(translation) == PLURAL_FORMS):
            return "needs [singular, plural]"
        forms = translation
    else:
        if not isinstance(translation, str):
            return "needs one text, not a list"
        forms = [translation]
    wanted = sorted(set(PLACEHOLDER.findall(message.source)))
    for form in forms:
        if not isinstance(form, str) or not form.strip():
            return "empty"
        if sorted(set(PLACEHOLDER.findall(form))) != wanted:
            return f"placeholders differ in {form!r}"
        if ACCELERATOR.search(message.source) and not ACCELERATOR.search(form):
            return f"menu accelerator & lost in {form!r}"
    return None


def _set_translation(message: ET.Element, translation: Translation | None, *, numerus: bool) -> None:
    element = message.find("translation")
    if element is None:
        element = ET.SubElement(message, "translation")
    for child in list(element):
        element.remove(child)
    element.text = None
    element.attrib.clear()
    if translation is None:
        element.set("type", "unfinished")
        for _ in range(PLURAL_FORMS if numerus else 0):
            ET.SubElement(element, "numerusform")
    elif isinstance(translation, list):
        for form in translation:
            ET.SubElement(element, "numerusform").text = form
    else:
        element.text = translation


def _write(tree: ET.ElementTree[Any], ts: Path) -> None:
    ET.indent(tree)
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)


def fill(dictionary: dict[str, Translation], ts: Path = TS) -> list[Problem]:
    """Write German into every message of the .ts that the dictionary knows; return the ones lacking usable German."""
    tree = ET.parse(ts)
    problems: list[Problem] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            message = Message(name, element.findtext("source") or "", element.get("numerus") == "yes")
            german = lookup(dictionary, message)
            why = check(message, german)
            if why is not None:
                problems.append(Problem(name, message.source, why))
                german = None
            _set_translation(element, german, numerus=message.numerus)
    _write(tree, ts)
    return problems


def write_english(plurals: dict[str, Translation], found: list[Message], ts: Path = TS_EN) -> list[Problem]:
    """An English catalogue with only the plural strings, [singular, plural] each; return those lacking a pair."""
    root = ET.Element("TS", {"version": "2.1", "language": "en_US", "sourcelanguage": "en"})
    problems: list[Problem] = []
    contexts: dict[str, ET.Element] = {}
    for message in found:
        if not message.numerus:
            continue
        english = lookup(plurals, message)
        why = check(message, english)
        if why is not None:
            problems.append(Problem(message.context, message.source, why))
            english = None
        if message.context not in contexts:
            contexts[message.context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[message.context], "name").text = message.context
        element = ET.SubElement(contexts[message.context], "message", {"numerus": "yes"})
        ET.SubElement(element, "source").text = message.source
        _set_translation(element, english, numerus=True)
    _write(ET.ElementTree(root), ts)
    return problems


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-nounfinished", str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True
    )


def unused(dictionary: dict[str, Translation], found: list[Message]) -> list[str]:
    """Dictionary keys that no extracted string asks for any more."""
    keys = {m.source for m in found} | {f"{m.context}|{m.source}" for m in found}
    return [k for k in dictionary if k not in keys]


def report(title: str, problems: list[Problem]) -> None:
    for p in problems:
        print(f"  {title}  {p.context}: {p.source!r}" + ("" if p.why == "missing" else f"  ({p.why})"))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 when a string lacks German or English plurals")
    args = parser.parse_args()
    extract()
    templates = error_templates()
    add_errors(templates)
    ERROR_TEMPLATES.write_text(json.dumps(templates, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    dictionary = load_dictionary()
    missing = fill(dictionary)
    compile_qm(TS, QM)
    found = messages()
    plurals = load_dictionary(EN_PLURALS)
    missing_en = write_english(plurals, found)
    compile_qm(TS_EN, QM_EN)
    numerus = sum(1 for m in found if m.numerus)
    print(f"{len(found)} strings, {len(found) - len(missing)} in German, {len(missing)} missing")
    print(f"{numerus} plural strings, {numerus - len(missing_en)} with English forms, {len(missing_en)} missing")
    report("missing", missing)
    report("missing English plural", missing_en)
    stale = unused(dictionary, found) + unused(plurals, found)
    if stale:
        print(f"{len(stale)} dictionary entries no string uses any more: {stale}")
    return 1 if (missing or missing_en) and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
