"""Phrase banks for the demo company: fictional products, people and what the public writes.

Everything here is invented. Product names were chosen not to match marketed brands.
Each category holds German and English templates with slots filled by the generator.
"""

from __future__ import annotations

COMPANY = "Novalind Pharma GmbH"

PRODUCTS = [
    {"brand": "Cardiolin", "substance": "amlodipine", "misspellings": ["Cardiolyn", "Kardiolin", "cardiolin"]},
    {"brand": "Dermasol", "substance": "tacrolimus", "misspellings": ["Dermasoll", "Dermosol"]},
    {"brand": "Glucavia", "substance": "metformin", "misspellings": ["Glukavia", "Glucavja"]},
    {"brand": "Neurexa", "substance": "sertraline", "misspellings": ["Neurexxa", "Neurexa50", "Neurecsa"]},
    {"brand": "Respirin", "substance": "budesonide/formoterol", "misspellings": ["Respirine", "Respiryn"]},
    {"brand": "Ossivia", "substance": "alendronate", "misspellings": ["Osivia", "Ossivja"]},
]

AGENTS = [
    ("Anna Berger", "community_manager"),
    ("Jonas Weber", "community_manager"),
    ("Priya Nair", "pv_reviewer"),
    ("Lukas Hoffmann", "team_lead"),
    ("Miriam Schulz", "approver"),
]

ACCOUNTS = [
    # name, kind, language mix (share German), share of the public who write there, settings
    (
        "Novalind DE (Facebook)",
        "facebook",
        0.9,
        3.0,
        {"page_id": "104200001", "base_url": "https://graph.facebook.com/v19.0", "country": "DE"},
    ),
    (
        "Novalind Global (Facebook)",
        "facebook",
        0.1,
        2.0,
        {"page_id": "104200002", "base_url": "https://graph.facebook.com/v19.0", "country": "GB"},
    ),
    (
        "@novalind.health (Instagram)",
        "instagram",
        0.5,
        2.0,
        {"ig_user_id": "17841400000001", "base_url": "https://graph.facebook.com/v19.0", "country": "DE"},
    ),
    (
        "Novalind TV (YouTube)",
        "youtube",
        0.5,
        1.5,
        {"channel_id": "UCnovalindTV0000000001", "base_url": "https://www.googleapis.com/youtube/v3", "country": "DE"},
    ),
    (
        "Gemeinsam stark – Patientenforum",
        "discourse",
        0.8,
        1.5,
        {"base_url": "https://forum.novalind.example", "username": "novalind_team", "country": "DE"},
    ),
    (
        "info@novalind.example (E-Mail)",
        "email",
        0.7,
        1.0,
        {
            "imap_host": "imap.novalind.example",
            "imap_port": 993,
            "smtp_host": "smtp.novalind.example",
            "smtp_port": 587,
            "address": "info@novalind.example",
            "mailbox": "INBOX",
            "country": "DE",
        },
    ),
    ("Hotline-Protokolle (CSV-Import)", "file", 0.95, 0.3, {"country": "DE"}),
]

# Account health the demo shows: one account lost its token, one has been silent for hours.
RECONNECT_ACCOUNT = "@novalind.health (Instagram)"
RECONNECT_ERROR = (
    "reconnect needed: Instagram revoked the access token (the page admin changed their password); "
    "reconnect the account"
)
RECONNECT_HOURS_AGO = (3.0, 1.5)  # last success, then the failure
STALE_ACCOUNT = "Novalind TV (YouTube)"
STALE_ERROR = "The YouTube API did not answer in time (read timeout); retrying"
STALE_HOURS_AGO = (9.0, 0.5)  # last success, last failed attempt

FIRST_NAMES_DE = [
    "Sabine",
    "Thomas",
    "Petra",
    "Michael",
    "Ute",
    "Jürgen",
    "Katrin",
    "Stefan",
    "Monika",
    "Andreas",
    "Birgit",
    "Frank",
    "Heike",
    "Uwe",
    "Claudia",
    "Markus",
    "Silke",
    "Jörg",
    "Anja",
    "Dirk",
    "Lea",
    "Lukas",
    "Mia",
    "Finn",
    "Jana",
    "Tobias",
    "Gülay",
    "Mehmet",
    "Zoë",
    "Björn",
]
LAST_NAMES_DE = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Yılmaz",
    "Öztürk",
]
FIRST_NAMES_EN = [
    "Emma",
    "James",
    "Olivia",
    "Liam",
    "Sophie",
    "Noah",
    "Grace",
    "Oliver",
    "Chloe",
    "Jack",
    "Amelia",
    "Harry",
    "Isla",
    "George",
    "Ava",
    "Daniel",
    "Ruby",
    "Samuel",
    "Priya",
    "Chen",
    "Fatima",
    "Kwame",
]
LAST_NAMES_EN = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Patel",
    "Okafor",
]

SYMPTOMS_DE = [
    "Kopfschmerzen",
    "Schwindel",
    "Übelkeit",
    "geschwollene Knöchel",
    "Herzrasen",
    "Hautausschlag",
    "Juckreiz",
    "Durchfall",
    "Schlafstörungen",
    "Müdigkeit",
    "Magenschmerzen",
    "Haarausfall",
    "Zittern",
    "Brennen auf der Haut",
    "trockenen Husten",
    "Sodbrennen",
    "Muskelkrämpfe",
]
SYMPTOMS_EN = [
    "headaches",
    "dizziness",
    "nausea",
    "swollen ankles",
    "a racing heart",
    "a rash",
    "itching",
    "diarrhoea",
    "trouble sleeping",
    "constant tiredness",
    "stomach pain",
    "hair loss",
    "tremors",
    "a burning feeling on my skin",
    "a dry cough",
    "heartburn",
    "muscle cramps",
]
RELATIVES_DE = [
    "meine Mutter",
    "mein Vater",
    "meine Frau",
    "mein Mann",
    "meine Tochter (16)",
    "mein Sohn",
    "meine Oma (82)",
    "mein Opa",
]
RELATIVES_EN = ["my mum", "my dad", "my wife", "my husband", "my daughter (16)", "my son", "my grandmother (82)"]

# Each category: (German templates, English templates). Slots: {product} {substance} {symptom} {relative}
# {days} {name} {topic}. The generator picks a category by persona, then a template by language.
CATEGORIES: dict[str, tuple[list[str], list[str]]] = {
    "question": (
        [
            "Kann man {product} auch abends nehmen oder nur morgens?",
            "Hallo, gibt es {product} auch in einer kleineren Packung? Meine Apotheke sagt nein.",
            "Darf ich {product} zusammen mit Ibuprofen nehmen?",
            "Wie lange dauert es, bis {product} wirkt? Nehme es seit {days} Tagen.",
            "Wird {product} von der Krankenkasse übernommen?",
            "Ist {product} glutenfrei? Ich habe Zöliakie.",
            "Wo finde ich den Beipackzettel von {product} als PDF?",
            "Gibt es zu {product} auch eine Info-Veranstaltung in Hamburg?",
        ],
        [
            "Can I take {product} in the evening or only in the morning?",
            "Is {product} available in a smaller pack? My pharmacy says no.",
            "Is it safe to take {product} together with ibuprofen?",
            "How long does {product} take to work? I've been on it for {days} days.",
            "Is {product} covered by insurance in the UK?",
            "Does {product} contain lactose? I'm intolerant.",
            "Where can I download the patient leaflet for {product}?",
            "Are there any webinars about living with {topic}?",
        ],
    ),
    "complaint": (
        [
            "Seit drei Wochen ist {product} nirgends lieferbar!!! Was soll das???",
            "Ich warte seit 10 Tagen auf eine Antwort auf meine Mail. Schlechter Service.",
            "Die neue Verpackung von {product} bekommt man kaum auf, für ältere Menschen eine Zumutung.",
            "Der Preis für {product} ist schon wieder gestiegen. Unverschämt.",
            "Die Hotline ist nie erreichbar, ich hänge seit 40 Minuten in der Warteschleife.",
            "In der Packung {product} fehlten zwei Tabletten im Blister. Das geht gar nicht.",
        ],
        [
            "{product} has been out of stock for three weeks!!! What is going on???",
            "I've been waiting 10 days for a reply to my email. Terrible service.",
            "The new {product} packaging is impossible to open for elderly people.",
            "The price of {product} went up again. Outrageous.",
            "Your hotline never picks up, I've been on hold for 40 minutes.",
            "My box of {product} was missing two tablets in the blister. Not acceptable.",
        ],
    ),
    "praise": (
        [
            "Danke für die tolle Aufklärungsarbeit! 🙏",
            "Super Beitrag, sehr verständlich erklärt 👍",
            "Ich nehme {product} seit Jahren und bin sehr zufrieden ❤️",
            "Vielen Dank an das Team für die schnelle Hilfe gestern!",
            "Endlich mal ein Unternehmen, das zuhört. Danke!",
            "Tolles Video, hab ich gleich mit meiner Selbsthilfegruppe geteilt 😊",
        ],
        [
            "Thank you for the great awareness work! 🙏",
            "Great post, explained so clearly 👍",
            "I've been on {product} for years and I'm really happy with it ❤️",
            "Many thanks to the team for the quick help yesterday!",
            "Finally a company that listens. Thank you!",
            "Lovely video, shared it with my support group 😊",
        ],
    ),
    "experience": (
        [
            "Mein Erfahrungsbericht: Nach der Diagnose {topic} war ich am Boden. Heute gehe ich wieder wandern.",
            "Ich lebe seit 12 Jahren mit {topic}. Was mir hilft: Bewegung, gute Ärzte und dieses Forum.",
            "Heute war Kontrolltermin, die Werte sind stabil. Kleine Schritte!",
            "Tipp für alle Neuen: Führt ein Tagebuch, das hilft beim Arztgespräch enorm.",
            "Seit ich {product} nehme, habe ich keinerlei Nebenwirkungen. Bin froh darüber.",
        ],
        [
            "My story: after my {topic} diagnosis I was devastated. Today I'm hiking again.",
            "I've lived with {topic} for 12 years. What helps me: exercise, good doctors and this forum.",
            "Check-up today, my numbers are stable. Small steps!",
            "Tip for newcomers: keep a diary, it helps so much when talking to your doctor.",
            "I've had no side effects at all since starting {product}. Really glad.",
        ],
    ),
    "adverse_event": (
        [
            "Seit ich {product} nehme, habe ich ständig {symptom}. Ist das normal?",
            "Ich vertrage {product} überhaupt nicht, nach der Einnahme bekomme ich {symptom}.",
            "Nach {days} Tagen mit {product} habe ich {symptom} bekommen und es abgesetzt.",
            "{relative} nimmt {product} und hat seitdem {symptom}. Was sollen wir tun?",
            "Nebenwirkung bei {product}: {symptom}, fing nach der Dosiserhöhung an.",
            "Hab {product} genommen und musste wegen {symptom} in die Notaufnahme.",
            "Ich bin schwanger und habe {product} genommen, bevor ich es wusste. Jetzt habe ich {symptom}.",
            "Aus Versehen habe ich heute zwei Tabletten {product} genommen, jetzt habe ich {symptom}.",
            "{product} wirkt bei mir gar nicht mehr, und dazu noch {symptom}.",
        ],
        [
            "Since I started {product} I keep getting {symptom}. Is that normal?",
            "I can't tolerate {product} at all, after taking it I get {symptom}.",
            "After {days} days on {product} I developed {symptom} and stopped it.",
            "{relative} takes {product} and has had {symptom} ever since. What should we do?",
            "Side effect with {product}: {symptom}, started after the dose was increased.",
            "Took {product} and ended up in the emergency room with {symptom}.",
            "I'm pregnant and took {product} before I knew. Now I have {symptom}.",
            "I accidentally took two {product} tablets today and now I have {symptom}.",
            "{product} gave me {symptom} within a week.",
        ],
    ),
    "hard_negative": (
        [
            "Ich nehme {product} seit einem Jahr, keine Nebenwirkungen bisher. Hoffentlich bleibt das so.",
            "Hatte vor {product} schon immer {symptom}, das hat nichts mit dem Medikament zu tun.",
            "Gibt es bei {product} eigentlich bekannte Nebenwirkungen? Fange nächste Woche an.",
            "Mein Arzt sagt, {symptom} kommt eher vom Wetter. Mit {product} alles gut.",
        ],
        [
            "I've been on {product} for a year, no side effects so far. Hopefully it stays that way.",
            "I had {symptom} long before {product}, it has nothing to do with the medicine.",
            "Are there any known side effects of {product}? I start next week.",
            "My doctor says the {symptom} is probably the weather. All fine with {product}.",
        ],
    ),
    "troll": (
        [
            "Pharmamafia!!! Ihr wollt doch nur unser Geld 🤡",
            "Alles Lüge, Gift verkauft ihr. Schämt euch!!!",
            "Wie viel zahlt ihr den Ärzten eigentlich? 😂😂😂",
            "Wer das Zeug nimmt ist selber schuld. LOL",
        ],
        [
            "Big Pharma scammers!!! You just want our money 🤡",
            "All lies, you sell poison. Shame on you!!!",
            "How much do you pay the doctors anyway? 😂😂😂",
            "Anyone taking this stuff deserves what they get. LOL",
        ],
    ),
    "spam": (
        [
            "💰 Verdiene 5000€ pro Woche von zu Hause!!! Klick hier: bit.ly/xyz123",
            "Günstige Medikamente ohne Rezept ➡️ www.billig-pillen.example",
            "Folgt mir für tägliche Gesundheitstipps!!! 🔥🔥🔥 #follow4follow",
        ],
        [
            "💰 Earn $5000 a week from home!!! Click here: bit.ly/xyz123",
            "Cheap meds without prescription ➡️ www.cheap-pills.example",
            "Follow me for daily health hacks!!! 🔥🔥🔥 #follow4follow",
        ],
    ),
    "caregiver": (
        [
            "{relative} bekommt {product}. Worauf muss ich bei der Einnahme achten?",
            "Ich pflege {relative} und bin oft am Ende meiner Kräfte. Gibt es Unterstützung?",
            "Darf {relative} {product} zerkleinert nehmen? Schlucken fällt schwer.",
        ],
        [
            "{relative} has been prescribed {product}. What should I watch out for?",
            "I care for {relative} and I'm often exhausted. Is there any support?",
            "Can {relative} take {product} crushed? Swallowing is hard.",
        ],
    ),
}

TOPICS_DE = ["Bluthochdruck", "Neurodermitis", "Diabetes Typ 2", "Depression", "Asthma", "Osteoporose"]
TOPICS_EN = ["high blood pressure", "eczema", "type 2 diabetes", "depression", "asthma", "osteoporosis"]

POSTS_DE = [
    "Welttag gegen {topic}: Was bedeutet die Diagnose im Alltag? Erzählt uns eure Geschichten.",
    "5 Tipps für einen gesunden Alltag mit {topic} 💪",
    "Neu: Unser Patientenratgeber zu {topic} zum kostenlosen Download.",
    "Live-Fragestunde mit Dr. Weiß zum Thema {topic} am Donnerstag um 18 Uhr.",
]
POSTS_EN = [
    "World {topic} day: what does the diagnosis mean in everyday life? Share your stories.",
    "5 tips for living well with {topic} 💪",
    "New: our free patient guide to {topic}.",
    "Live Q&A with Dr. White about {topic} on Thursday at 6 pm.",
]

REPLIES_DE = [
    "Hallo {name}, danke für deine Nachricht! Wir melden uns per Direktnachricht bei dir.",
    "Liebe/r {name}, vielen Dank für dein Feedback! 😊",
    "Hallo {name}, bitte wende dich direkt an unsere Arzneimittelsicherheit: 0800 123 45 67 "
    "(kostenfrei) oder drug.safety@novalind.example.",
    "Hallo {name}, die Frage beantwortet am besten deine Ärztin oder dein Apotheker.",
]
REPLIES_EN = [
    "Hi {name}, thanks for reaching out! We'll get in touch by direct message.",
    "Dear {name}, thank you so much for your feedback! 😊",
    "Hi {name}, please contact our drug safety team directly: +44 800 123 4567 or drug.safety@novalind.example.",
    "Hi {name}, your doctor or pharmacist is best placed to answer that.",
]

# Which categories each persona writes, with weights.
PERSONAS: dict[str, list[tuple[str, int]]] = {
    "loyal_fan": [("praise", 6), ("experience", 3), ("question", 2), ("adverse_event", 1), ("hard_negative", 1)],
    "newcomer": [("question", 6), ("hard_negative", 2), ("adverse_event", 1), ("praise", 1)],
    "unhappy_customer": [("complaint", 6), ("adverse_event", 3), ("question", 2)],
    "troll": [("troll", 8), ("complaint", 1)],
    "caregiver": [("caregiver", 5), ("adverse_event", 3), ("question", 2)],
    "patient_influencer": [("experience", 6), ("praise", 2), ("adverse_event", 1), ("question", 1)],
    "spammer": [("spam", 1)],
}
PERSONA_SHARE = [
    ("newcomer", 40),
    ("loyal_fan", 18),
    ("unhappy_customer", 14),
    ("caregiver", 10),
    ("troll", 6),
    ("patient_influencer", 2),
    ("spammer", 4),
]

# Tags a community manager puts on messages, by what the message is about.
MESSAGE_TAGS: dict[str, tuple[str, ...]] = {
    "complaint": ("Lieferengpass", "Beschwerde", "Rückruf erbeten"),
    "adverse_event": ("Nebenwirkung", "Rückfrage PV"),
    "troll": ("Troll",),
    "spam": ("Spam",),
    "caregiver": ("Angehörige",),
    "praise": ("Lob", "Testimonial"),
    "question": ("FAQ-Kandidat",),
}
PERSON_TAGS: dict[str, tuple[str, ...]] = {
    "patient_influencer": ("VIP", "Presse"),
    "troll": ("Troll",),
    "unhappy_customer": ("Eskalation",),
}

NOTES_DE = [
    "Hat schon zweimal geschrieben, bitte priorisieren.",
    "Rückruf vereinbart für Donnerstag, 10 Uhr.",
    "Mit Medical Information abgestimmt, Antwort freigegeben.",
    "Lieferstatus bei Vertrieb angefragt.",
    "Kein weiterer Handlungsbedarf, nur Info.",
]
NOTES_EN = [
    "Second message from this person, please prioritise.",
    "Call-back agreed for Thursday at 10 am.",
    "Checked with Medical Information, answer approved.",
    "Asked sales about the delivery status.",
    "No further action needed, FYI only.",
]
PERSON_NOTES: dict[str, tuple[str, str]] = {
    "patient_influencer": (
        "Bekannte Patientenbloggerin/-blogger, über 20.000 Follower. Antworten immer mit der Teamleitung abstimmen.",
        "Well-known patient blogger, 20k+ followers. Always check replies with the team lead.",
    ),
    "troll": (
        "Schreibt regelmäßig provokante Kommentare; nicht in Diskussionen einsteigen, Netiquette-Hinweis nutzen.",
        "Posts provocative comments regularly; do not engage, use the community rules reminder.",
    ),
    "unhappy_customer": (
        "Hat mit einer Beschwerde bei der Presse gedroht; Antworten mit der Teamleitung abstimmen.",
        "Has threatened to take a complaint to the press; check replies with the team lead.",
    ),
}

# PV cases the demo walks through the workflow: the state each ends in, and how many hours before
# "now" its message arrived (all inside the last 30 hours, where messages still wait for screening).
CASES = (
    ("acknowledged", 29.0),
    ("acknowledged", 27.5),
    ("forwarded", 25.0),
    ("forwarded", 22.5),
    ("draft", 19.5),
    ("ready", 16.0),
    ("draft", 6.0),
)
SAFETY_CASE_NUMBER = "NVL-DS-2026-{n:05d}"
FOLLOW_UP_NOTE_DE = "Alter und Dosierung per Direktnachricht erfragt."
FOLLOW_UP_NOTE_EN = "Asked for age and dose by direct message."
APPROVAL_REFERENCE = "MLR-2026-{n:03d}"
APPROVAL_DAYS = 365

# Outbox: replies on their way. A failed one shows what a community manager has to fix.
OUTBOX_FAILED_ERROR = "(#100) The comment was deleted by its author; the reply could not be posted"
