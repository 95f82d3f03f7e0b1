"""Packaging detail pyproject.toml cannot say: ship resources/ inside the wheel as `cmdesk_resources`."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["cmdesk", "cmdesk.*", "ui", "ui.*"]), "cmdesk_resources"],
    package_dir={"cmdesk_resources": "resources"},
    package_data={"cmdesk_resources": ["**/*"], "ui": ["**/*.qm"]},
    include_package_data=False,
)
