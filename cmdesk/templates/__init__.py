"""Compliance-approved reply templates: the library, its approval workflow and placeholder rendering."""

from cmdesk.templates.model import Category, Template, TemplateVersion, VersionState
from cmdesk.templates.render import KNOWN, PlaceholderProblem, Rendered, render
from cmdesk.templates.service import TemplateService

__all__ = [
    "KNOWN",
    "Category",
    "PlaceholderProblem",
    "Rendered",
    "Template",
    "TemplateService",
    "TemplateVersion",
    "VersionState",
    "render",
]
