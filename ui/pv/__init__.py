"""The pharmacovigilance case form, its validity panel and the PV review list for reviewers."""

from __future__ import annotations
