"""Channel accounts in the window: the settings page, the add/edit form, background sync and gap alerts."""
