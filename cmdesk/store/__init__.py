"""The encrypted store: SQLCipher through sqlite-utils, keys, migrations, and all SQL of the desk."""
