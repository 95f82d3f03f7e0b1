"""Domain types shared by every layer: plain dataclasses and enums, standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ChannelKind(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    YOUTUBE = "youtube"
    DISCOURSE = "discourse"
    EMAIL = "email"
    FILE = "file"


class MessageKind(StrEnum):
    POST = "post"  # the page's own post or video a comment hangs under
    COMMENT = "comment"
    REPLY = "reply"
    DIRECT_MESSAGE = "direct_message"
    MENTION = "mention"
    EMAIL = "email"
    FORUM_POST = "forum_post"


class Direction(StrEnum):
    INBOUND = "in"  # written by the public
    OUTBOUND = "out"  # written by the desk (our replies)


class Status(StrEnum):
    OPEN = "open"
    WAITING = "waiting"
    DONE = "done"
    NO_ACTION = "no_action"


class Role(StrEnum):
    COMMUNITY_MANAGER = "community_manager"
    PV_REVIEWER = "pv_reviewer"
    TEAM_LEAD = "team_lead"
    APPROVER = "approver"


class MoodLabel(StrEnum):
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class Emotion(StrEnum):
    ANGER = "anger"
    WORRY = "worry"
    SADNESS = "sadness"
    JOY = "joy"
    GRATITUDE = "gratitude"


class Intent(StrEnum):
    ADVERSE_EVENT = "adverse_event"
    COMPLAINT = "complaint"
    QUESTION = "question"
    PRAISE = "praise"
    EXPERIENCE = "experience"
    ABUSE = "abuse"
    SPAM = "spam"
    OTHER = "other"


class SuggestedAction(StrEnum):
    OPEN_PV_CASE = "open_pv_case"
    OFFER_SOLUTION = "offer_solution"  # in a private message where the channel allows
    ANSWER = "answer"
    THANK = "thank"
    HIDE = "hide"
    IGNORE = "ignore"


# Why two identities may be one person, as stored with a merge suggestion. A fixed vocabulary,
# so the window can show each in the user's language (ui/author/reasons.py).
SAME_FULL_NAME = "same full name on another channel"
SAME_USER_NAME = "same user name"
SAME_NAME = "same name"
SAME_WORDING = "same wording"
SAME_PICTURE = "same profile picture"
MERGE_REASONS = (SAME_FULL_NAME, SAME_USER_NAME, SAME_NAME, SAME_WORDING, SAME_PICTURE)


class AuthorType(StrEnum):
    LOYAL_FAN = "loyal_fan"
    NEWCOMER = "newcomer"
    UNHAPPY_CUSTOMER = "unhappy_customer"
    TROLL = "troll"
    CAREGIVER = "caregiver"
    PATIENT_INFLUENCER = "patient_influencer"
    REGULAR = "regular"


class PVScreening(StrEnum):
    UNSCREENED = "unscreened"
    AUTO_CLEARED = "auto_cleared"  # the detector's score was below the threshold
    NOT_AE = "not_ae"  # a human confirmed: not an adverse event (reason required)
    CASE = "case"  # an adverse event: a PV case holds it


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"  # timed out and cannot be checked remotely: a human verifies


class OutboxAction(StrEnum):
    REPLY = "reply"
    PRIVATE_REPLY = "private_reply"
    HIDE = "hide"
    UNHIDE = "unhide"
    SET_MODERATION = "set_moderation"
    EMAIL = "email"


@dataclass(frozen=True)
class Span:
    """A stretch of message text that drove a judgement, for highlighting.

    ``start``/``end`` are character offsets into the message text; ``kind`` says
    what it is evidence of (e.g. "negative", "positive", "product", "event",
    "seriousness", "negation", "special_situation").
    """

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class MoodResult:
    label: MoodLabel
    score: float  # -1 .. 1
    emotions: dict[str, float] = field(default_factory=dict)  # Emotion value -> 0..1
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Product:
    """One of the company's products, as the PV detector should recognise it."""

    brand: str
    substance: str
    misspellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PVSignal:
    """What the adverse-event detector found in one message."""

    suspected: bool
    score: float  # 0 .. 1
    products: tuple[str, ...] = ()  # brand names (company products) or other drug names as written
    events: tuple[Span, ...] = ()  # verbatim event spans
    # Seriousness hints: death, life_threatening, hospitalisation, disability, congenital_anomaly,
    # other_medically_important. Hints only: a reviewer decides seriousness.
    seriousness: tuple[str, ...] = ()
    # pregnancy, breastfeeding, overdose, misuse, abuse, off_label, lack_of_efficacy, medication_error,
    # quality_complaint
    special_situations: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()

    @staticmethod
    def none() -> PVSignal:
        return PVSignal(suspected=False, score=0.0)


@dataclass(frozen=True)
class TextAnalysis:
    """Everything the desk understands about one message text; pure and cacheable by text."""

    language: str  # "de", "en" or "other"
    mood: MoodResult
    intent: Intent
    expects_reply: bool
    pv: PVSignal
    suggested_action: SuggestedAction


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    kind: ChannelKind
    settings: dict[str, Any]
    status: str  # "active", "paused", "reconnect_needed"
    last_success_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    token_expires_at: datetime | None = None


@dataclass(frozen=True)
class Author:
    id: int
    account_id: int
    external_id: str
    name: str
    handle: str | None = None
    profile_url: str | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class Person:
    id: int
    display_name: str
    author_type: AuthorType
    author_type_reasons: tuple[str, ...] = ()
    author_type_override: AuthorType | None = None

    @property
    def effective_type(self) -> AuthorType:
        """A human override always wins over the computed type."""
        return self.author_type_override or self.author_type


@dataclass(frozen=True)
class Message:
    id: int
    account_id: int
    external_id: str
    kind: MessageKind
    direction: Direction
    text: str
    created_at: datetime
    received_at: datetime
    author_id: int | None = None
    thread_external_id: str | None = None
    parent_external_id: str | None = None
    url: str | None = None
    language: str | None = None
    status: Status = Status.OPEN
    assignee: str | None = None
    mood_label: MoodLabel | None = None
    mood_score: float | None = None
    intent: Intent | None = None
    expects_reply: bool = False
    pv_suspected: bool = False
    pv_score: float = 0.0
    pv_screening: PVScreening = PVScreening.UNSCREENED
    priority: int = 0
    due_at: datetime | None = None
    suggested_action: SuggestedAction | None = None
    deleted_at: datetime | None = None
    edited_at: datetime | None = None
    hidden: bool = False


@dataclass(frozen=True)
class IncomingMessage:
    """A message as a connector hands it over, before it has a row id.

    Connectors produce these from the channel's JSON; the sync engine stores them.
    ``author_external_id`` is None when the channel hides the author.
    """

    external_id: str
    kind: MessageKind
    text: str
    created_at: datetime
    author_external_id: str | None
    author_name: str
    author_handle: str | None = None
    author_profile_url: str | None = None
    thread_external_id: str | None = None
    parent_external_id: str | None = None
    url: str | None = None
    direction: Direction = Direction.INBOUND
    edited_at: datetime | None = None
    deleted: bool = False
    hidden: bool = False
    raw: dict[str, Any] | None = None
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes
