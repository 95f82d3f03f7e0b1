"""cmdesk core: the Qt-free heart of the community-management workstation."""

__version__ = "0.1.0"
