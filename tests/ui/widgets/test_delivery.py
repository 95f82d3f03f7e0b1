"""A paused delivery keeps only the newest load and shows it on resume; a dropped or outdated one is never shown."""

from __future__ import annotations

from ui.widgets.delivery import Delivery


def test_an_unpaused_delivery_shows_at_once() -> None:
    shown: list[str] = []
    delivery = Delivery()
    delivery.send(delivery.ticket(), lambda: shown.append("message 7"))
    assert (shown, delivery.waiting) == (["message 7"], False)


def test_a_paused_delivery_shows_the_newest_load_on_resume() -> None:
    shown: list[str] = []
    delivery = Delivery()
    delivery.pause()
    delivery.send(delivery.ticket(), lambda: shown.append("message 7"))
    delivery.send(delivery.ticket(), lambda: shown.append("message 7 again"))
    held = (list(shown), delivery.waiting)
    delivery.resume()
    delivery.resume()  # nothing is shown twice
    assert (held, shown, delivery.paused, delivery.waiting) == (([], True), ["message 7 again"], False, False)


def test_a_dropped_load_is_never_shown() -> None:
    shown: list[str] = []
    delivery = Delivery()
    delivery.pause()
    delivery.send(delivery.ticket(), lambda: shown.append("message 7"))
    delivery.drop()
    delivery.resume()
    assert (shown, delivery.waiting) == ([], False)


def test_a_smaller_newer_load_is_shown_after_what_is_held() -> None:
    shown: list[str] = []
    delivery = Delivery()
    delivery.then(lambda: shown.append("outbox, not paused"))
    delivery.pause()
    delivery.send(delivery.ticket(), lambda: shown.append("message 7 with its older outbox"))
    delivery.then(lambda: shown.append("outbox after the reply"))
    delivery.resume()
    assert shown == ["outbox, not paused", "message 7 with its older outbox", "outbox after the reply"]


def test_an_older_request_finishing_late_never_replaces_a_newer_held_one() -> None:
    shown: list[str] = []
    delivery = Delivery()
    first, second = delivery.ticket(), delivery.ticket()
    delivery.pause()
    delivery.send(second, lambda: shown.append("message 8"))
    delivery.send(first, lambda: shown.append("message 7, requested before"))
    delivery.resume()
    assert shown == ["message 8"]


def test_an_older_request_finishing_late_never_overwrites_what_is_shown() -> None:
    shown: list[str] = []
    delivery = Delivery()
    first, second = delivery.ticket(), delivery.ticket()
    delivery.send(second, lambda: shown.append("message 8"))
    delivery.send(first, lambda: shown.append("message 7, requested before"))
    assert shown == ["message 8"]


def test_requests_made_before_a_drop_are_dropped_when_they_arrive() -> None:
    shown: list[str] = []
    delivery = Delivery()
    before = delivery.ticket()
    delivery.drop()
    after = delivery.ticket()
    delivery.send(before, lambda: shown.append("message 7, left"))
    delivery.send(after, lambda: shown.append("message 8"))
    assert shown == ["message 8"]
