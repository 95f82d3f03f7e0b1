"""A list's reloads: only the newest one's list is shown, with the row a superseded reload was to select."""

from __future__ import annotations

from ui.widgets.newest_list import NewestList


def test_only_the_newest_reload_is_shown_and_it_selects_what_an_older_one_was_to_select() -> None:
    reloads = NewestList()
    older = reloads.start(select=7)  # the template just saved
    newer = reloads.start()
    assert (reloads.arrived(older), reloads.arrived(newer), reloads.arrived(newer)) == (
        (False, None),
        (True, 7),
        (True, None),  # the wish is used up once shown
    )


def test_a_drop_leaves_no_list_and_no_wish() -> None:
    reloads = NewestList()
    before = reloads.start(select=3)
    reloads.drop()
    after = reloads.start()
    assert (reloads.arrived(before), reloads.arrived(after)) == ((False, None), (True, None))
