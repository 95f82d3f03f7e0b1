<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <location filename="../../ui/about.py" line="17" />
      <source>Store: %1</source>
      <translation>Desk-Datei: %1</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="19" />
      <source>No store open.</source>
      <translation>Keine Desk-Datei geöffnet.</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="23" />
      <source>Workstation for community managers of healthcare and pharma companies.</source>
      <translation>Arbeitsplatz für Community-Manager von Gesundheits- und Pharmaunternehmen.</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="29" />
      <source>Data encrypted with SQLCipher 4; secrets in the OS keyring.</source>
      <translation>Daten mit SQLCipher 4 verschlüsselt; Zugangsdaten im Schlüsselbund des Betriebssystems.</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="38" />
      <source>Memory wiping by SQLCipher: on</source>
      <translation>Speicherlöschung durch SQLCipher: an</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="40" />
      <source>Memory wiping by SQLCipher: off (CMDESK_MEMORY_WIPE=1 switches it on)</source>
      <translation>Speicherlöschung durch SQLCipher: aus (CMDESK_MEMORY_WIPE=1 schaltet sie ein)</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="48" />
      <source>Core dumps: off</source>
      <translation>Speicherabbilder bei Absturz: aus</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="50" />
      <source>Core dumps: allowed by the system</source>
      <translation>Speicherabbilder bei Absturz: vom System erlaubt</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="53" />
      <source>Other programs cannot read this process's memory</source>
      <translation>Andere Programme können den Speicher dieses Prozesses nicht lesen</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="55" />
      <source>Debuggers of the same user can read this process's memory</source>
      <translation>Debugger desselben Benutzers können den Speicher dieses Prozesses lesen</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="64" />
      <source>About cmdesk</source>
      <translation>Über cmdesk</translation>
    </message>
  </context>
  <context>
    <name>AccountDialog</name>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="74" />
      <source>Add channel account</source>
      <translation>Kanalkonto hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="74" />
      <source>Edit %1</source>
      <translation>%1 bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="82" />
      <source>e.g. Novalind DE (Facebook)</source>
      <translation>z. B. Novalind DE (Facebook)</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="89" />
      <source>* required</source>
      <translation>* Pflichtfeld</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="92" />
      <source>Add</source>
      <translation>Hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="92" />
      <source>Save</source>
      <translation>Speichern</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="100" />
      <source>Channel:</source>
      <translation>Kanal:</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="101" />
      <source>Name: *</source>
      <translation>Name: *</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="124" />
      <source>Facebook page</source>
      <translation>Facebook-Seite</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="125" />
      <source>Instagram business account</source>
      <translation>Instagram-Business-Konto</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="126" />
      <source>YouTube channel</source>
      <translation>YouTube-Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="127" />
      <source>Discourse forum</source>
      <translation>Discourse-Forum</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="128" />
      <source>E-mail mailbox</source>
      <translation>E-Mail-Postfach</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="129" />
      <source>File import</source>
      <translation>Dateiimport</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="134" />
      <source>Facebook page ID</source>
      <translation>Facebook-Seiten-ID</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="135" />
      <source>Instagram business account ID</source>
      <translation>Instagram-Business-Konto-ID</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="136" />
      <source>YouTube channel ID</source>
      <translation>YouTube-Kanal-ID</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="137" />
      <source>API address</source>
      <translation>API-Adresse</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="138" />
      <source>User name</source>
      <translation>Benutzername</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="139" />
      <source>Country (ISO code)</source>
      <translation>Land (ISO-Code)</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="140" />
      <source>Sync every</source>
      <translation>Synchronisieren alle</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="141" />
      <source>IMAP server</source>
      <translation>IMAP-Server</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="142" />
      <source>IMAP port</source>
      <translation>IMAP-Port</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="143" />
      <source>SMTP server</source>
      <translation>SMTP-Server</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="144" />
      <source>SMTP port</source>
      <translation>SMTP-Port</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="145" />
      <source>E-mail address</source>
      <translation>E-Mail-Adresse</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="146" />
      <source>Mailbox folder</source>
      <translation>Postfachordner</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="147" />
      <source>Sent folder</source>
      <translation>Ordner „Gesendet“</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="148" />
      <source>Security</source>
      <translation>Sicherheit</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="191" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="196" />
      <source>TLS (default)</source>
      <translation>TLS (Standard)</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="197" />
      <source>TLS</source>
      <translation>TLS</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="198" />
      <source>None (local test servers only)</source>
      <translation>Keine (nur lokale Testserver)</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="206" />
      <source>default</source>
      <translation>Standard</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="253" />
      <source>This field is required.</source>
      <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="288" />
      <source>Could not save (%1); see the log.</source>
      <translation>Speichern nicht möglich (%1); siehe Protokoll.</translation>
    </message>
  </context>
  <context>
    <name>AccountsPage</name>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="45" />
      <source>Channel accounts</source>
      <translation>Kanalkonten</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="58" />
      <source>Add…</source>
      <translation>Hinzufügen …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="59" />
      <source>Edit…</source>
      <translation>Bearbeiten …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="60" />
      <source>Set secret…</source>
      <translation>Zugangsdaten festlegen …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="61" />
      <source>Test connection</source>
      <translation>Verbindung testen</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="62" />
      <location filename="../../ui/accounts/accounts_page.py" line="158" />
      <source>Pause</source>
      <translation>Pausieren</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="63" />
      <source>Remove…</source>
      <translation>Entfernen …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="64" />
      <source>Sync now</source>
      <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="158" />
      <source>Resume</source>
      <translation>Fortsetzen</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="170" />
      <source>Account %1 added.</source>
      <translation>Konto %1 hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="186" />
      <source>Settings of %1 saved.</source>
      <translation>Einstellungen von %1 gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="220" />
      <source>Testing %1…</source>
      <translation>%1 wird getestet …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="233" />
      <source>%1: connected to %2.</source>
      <translation>%1: verbunden mit %2.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="235" />
      <source>%1: connection failed: %2</source>
      <translation>%1: Verbindung fehlgeschlagen: %2</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="243" />
      <source>%1 resumed.</source>
      <translation>%1 fortgesetzt.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="245" />
      <source>%1 paused.</source>
      <translation>%1 pausiert.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="252" />
      <source>Remove the account %1? Its settings and secret are deleted.</source>
      <translation>Konto %1 entfernen? Seine Einstellungen und Zugangsdaten werden gelöscht.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="258" />
      <source>%1 removed.</source>
      <translation>%1 entfernt.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="264" />
      <source>Syncing %1…</source>
      <translation>%1 wird synchronisiert …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="288" />
      <source>unexpected error (%1); see the log</source>
      <translation>unerwarteter Fehler (%1); siehe Protokoll</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="308" />
      <location filename="../../ui/accounts/accounts_page.py" line="323" />
      <source>%1: sync failed: %2</source>
      <translation>%1: Synchronisierung fehlgeschlagen: %2</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="313" />
      <source>%1: %2 fetched, %3 new, %4 updated.</source>
      <translation>%1: %2 abgerufen, %3 neu, %4 aktualisiert.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="327" />
      <source>Syncing %1: %2 fetched, %3 stored</source>
      <translation>%1 wird synchronisiert: %2 abgerufen, %3 gespeichert</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_page.py" line="348" />
      <source>Remove account</source>
      <translation>Konto entfernen</translation>
    </message>
  </context>
  <context>
    <name>AccountsTable</name>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="37" />
      <source>Account</source>
      <translation>Konto</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="38" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="39" />
      <source>Last success</source>
      <translation>Letzter Erfolg</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="40" />
      <source>Last error</source>
      <translation>Letzter Fehler</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="41" />
      <source>Items/hour</source>
      <translation>Einträge/Stunde</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="42" />
      <source>Token expires</source>
      <translation>Token läuft ab</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="87" />
      <source>filled by file import</source>
      <translation>per Dateiimport gefüllt</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="89" />
      <source>never</source>
      <translation>nie</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="97" />
      <source>%1 (at %2)</source>
      <translation>%1 (am %2)</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/text.py" line="25" />
      <source>Active</source>
      <translation>Aktiv</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/text.py" line="26" />
      <source>Paused</source>
      <translation>Pausiert</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/text.py" line="27" />
      <source>Reconnect needed</source>
      <translation>Neu verbinden erforderlich</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="113" />
      <source>expired %1</source>
      <translation>abgelaufen am %1</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="115" />
      <source>%1 (renew soon)</source>
      <translation>%1 (bald erneuern)</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/accounts_table.py" line="121" />
      <source>just now</source>
      <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/accounts/accounts_table.py" line="123" />
      <source>%n min ago</source>
      <translation>
        <numerusform>vor %n min</numerusform>
        <numerusform>vor %n min</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/accounts/accounts_table.py" line="125" />
      <source>%n h ago</source>
      <translation>
        <numerusform>vor %n h</numerusform>
        <numerusform>vor %n h</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/accounts/accounts_table.py" line="126" />
      <source>%n day(s) ago</source>
      <translation>
        <numerusform>vor %n Tag</numerusform>
        <numerusform>vor %n Tagen</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../ui/app.py" line="152" />
      <source>Creating the demo desk…</source>
      <translation>Demo-Desk wird angelegt …</translation>
    </message>
  </context>
  <context>
    <name>ApproveDialog</name>
    <message>
      <location filename="../../ui/templates/library.py" line="50" />
      <source>Approve template</source>
      <translation>Vorlage freigeben</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="52" />
      <source>e.g. MLR-2026-117</source>
      <translation>z. B. MLR-2026-117</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="57" />
      <source>Review reference:</source>
      <translation>Prüfreferenz:</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="58" />
      <source>Approval expires:</source>
      <translation>Freigabe gültig bis:</translation>
    </message>
  </context>
  <context>
    <name>AttachmentList</name>
    <message>
      <location filename="../../ui/message/details.py" line="98" />
      <source>Attachments</source>
      <translation>Anhänge</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="106" />
      <source>Save…</source>
      <translation>Speichern …</translation>
    </message>
  </context>
  <context>
    <name>AuthorHeader</name>
    <message>
      <location filename="../../ui/author/header.py" line="35" />
      <source>Override…</source>
      <translation>Manuell festlegen …</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="36" />
      <source>Set the author type by hand, or hand it back to cmdesk</source>
      <translation>Autorentyp von Hand festlegen oder wieder cmdesk überlassen</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="45" />
      <source>Why cmdesk chose this type</source>
      <translation>Warum cmdesk diesen Typ gewählt hat</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="55" />
      <source>Author type</source>
      <translation>Autorentyp</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="56" />
      <source>cmdesk decides</source>
      <translation>cmdesk entscheidet</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="60" />
      <source>Why? (optional)</source>
      <translation>Warum? (optional)</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="61" />
      <source>Reason for the author type</source>
      <translation>Grund für den Autorentyp</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="63" />
      <source>Set</source>
      <translation>Festlegen</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="78" />
      <source>Author type: %1</source>
      <translation>Autorentyp: %1</translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="81" />
      <source>Set by the team. cmdesk's own judgement: %1.</source>
      <translation>Vom Team festgelegt. Einschätzung von cmdesk: %1.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/author/header.py" line="102" />
      <source>%n message(s)</source>
      <translation>
        <numerusform>%n Nachricht</numerusform>
        <numerusform>%n Nachrichten</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/author/header.py" line="106" />
      <source>%1 · first seen %2 · last seen %3</source>
      <translation>%1 · zuerst gesehen %2 · zuletzt gesehen %3</translation>
    </message>
  </context>
  <context>
    <name>AuthorPanel</name>
    <message>
      <location filename="../../ui/author/panel.py" line="96" />
      <location filename="../../ui/author/panel.py" line="163" />
      <source>Select a message to see who wrote it.</source>
      <translation>Wählen Sie eine Nachricht aus, um zu sehen, wer sie geschrieben hat.</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="139" />
      <source>Tags</source>
      <translation>Schlagwörter</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="141" />
      <source>Notes</source>
      <translation>Notizen</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="165" />
      <source>Loading…</source>
      <translation>Wird geladen …</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="201" />
      <source>This person no longer exists (merged or removed).</source>
      <translation>Diese Person gibt es nicht mehr (zusammengeführt oder entfernt).</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="206" />
      <source>The author could not be loaded: %1</source>
      <translation>Der Autor konnte nicht geladen werden: %1</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="233" />
      <source>Showing the latest %1 of %2 messages.</source>
      <translation>Die neuesten %1 von %2 Nachrichten werden angezeigt.</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="251" />
      <source>History (%1)</source>
      <translation>Verlauf (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="252" />
      <source>Identities (%1)</source>
      <translation>Identitäten (%1)</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/author/panel.py" line="254" />
      <source>%n suggested merge(s) to confirm or reject</source>
      <translation>
        <numerusform>%n vorgeschlagene Zusammenführung zum Bestätigen oder Ablehnen</numerusform>
        <numerusform>%n vorgeschlagene Zusammenführungen zum Bestätigen oder Ablehnen</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="255" />
      <source>Notes (%1)</source>
      <translation>Notizen (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="256" />
      <source>Tags and notes about this person</source>
      <translation>Schlagwörter und Notizen zu dieser Person</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="312" />
      <source>unexpected error (%1); details are in the log</source>
      <translation>unerwarteter Fehler (%1); Details stehen im Protokoll</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="313" />
      <source>%1 failed: %2</source>
      <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="322" />
      <source>Setting the author type</source>
      <translation>Autorentyp wird festgelegt</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="333" />
      <source>Adding the note</source>
      <translation>Notiz wird hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="340" />
      <source>Adding the tag</source>
      <translation>Schlagwort wird hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="343" />
      <source>Removing the tag</source>
      <translation>Schlagwort wird entfernt</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="360" />
      <source>Joining the identity</source>
      <translation>Identität wird zugeordnet</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="364" />
      <source>Rejecting the suggestion</source>
      <translation>Vorschlag wird abgelehnt</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="372" />
      <source>Splitting off the identity</source>
      <translation>Identität wird abgetrennt</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="378" />
      <source>Split off identity</source>
      <translation>Identität abtrennen</translation>
    </message>
    <message>
      <location filename="../../ui/author/panel.py" line="380" />
      <source>Make %1 on %2 a person of its own?</source>
      <translation>%1 auf %2 zu einer eigenen Person machen?</translation>
    </message>
    <message>
      <location filename="../../ui/author/text.py" line="24" />
      <source>Loyal fan</source>
      <translation>Treuer Fan</translation>
    </message>
    <message>
      <location filename="../../ui/author/text.py" line="25" />
      <source>Newcomer</source>
      <translation>Neuling</translation>
    </message>
    <message>
      <location filename="../../ui/author/text.py" line="26" />
      <source>Unhappy customer</source>
      <translation>Unzufriedener Kunde</translation>
    </message>
    <message>
      <location filename="../../ui/author/text.py" line="27" />
      <source>Troll</source>
      <translation>Troll</translation>
    </message>
    <message>
      <location filename="../../ui/author/text.py" line="28" />
      <source>Caregiver</source>
      <translation>Pflegende Angehörige</translation>
    </message>
    <message>
      <location filename="../../ui/author/text.py" line="29" />
      <source>Patient influencer</source>
      <translation>Patienten-Influencer</translation>
    </message>
    <message>
      <location filename="../../ui/author/text.py" line="30" />
      <source>Regular</source>
      <translation>Stammnutzer</translation>
    </message>
  </context>
  <context>
    <name>AuthorReasons</name>
    <message>
      <location filename="../../ui/author/reasons.py" line="25" />
      <source>The team marked this author as a patient influencer.</source>
      <translation>Das Team hat diese Person als Patient-Influencer markiert.</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="28" />
      <source>{hostile} of {n} messages were abuse or spam ({abuse} abuse, {spam} spam).</source>
      <translation>{hostile} von {n} Nachrichten waren Beleidigungen oder Spam ({abuse} Beleidigungen, {spam} Spam).</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="31" />
      <source>Writes about the medicine of a relative or someone they care for.</source>
      <translation>Schreibt über das Arzneimittel eines Angehörigen oder einer betreuten Person.</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="34" />
      <source>No earlier messages from this author.</source>
      <translation>Keine früheren Nachrichten von dieser Person.</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="35" />
      <source>Only 1 message from this author so far.</source>
      <translation>Bisher erst 1 Nachricht von dieser Person.</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="36" />
      <source>Only {n} messages from this author so far.</source>
      <translation>Bisher erst {n} Nachrichten von dieser Person.</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="37" />
      <source>{negative} of {n} messages were negative and {complaints} were complaints (average mood {mean}).</source>
      <translation>{negative} von {n} Nachrichten waren negativ und {complaints} waren Beschwerden (mittlere Stimmung {mean}).</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="41" />
      <source>{positive} of {n} messages were positive over {days} days on 1 channel.</source>
      <translation>{positive} von {n} Nachrichten waren positiv, über {days} Tage auf 1 Kanal.</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="44" />
      <source>{positive} of {n} messages were positive over {days} days on {channels} channels.</source>
      <translation>{positive} von {n} Nachrichten waren positiv, über {days} Tage auf {channels} Kanälen.</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="47" />
      <source>{n} messages with mixed or neutral mood (average mood {mean}).</source>
      <translation>{n} Nachrichten mit gemischter oder neutraler Stimmung (mittlere Stimmung {mean}).</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="56" />
      <source>same full name on another channel</source>
      <translation>gleicher vollständiger Name auf einem anderen Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="57" />
      <source>same user name</source>
      <translation>gleicher Benutzername</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="58" />
      <source>same name</source>
      <translation>gleicher Name</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="59" />
      <source>same wording</source>
      <translation>gleiche Formulierungen</translation>
    </message>
    <message>
      <location filename="../../ui/author/reasons.py" line="60" />
      <source>same profile picture</source>
      <translation>gleiches Profilbild</translation>
    </message>
  </context>
  <context>
    <name>AuthorTimeline</name>
    <message>
      <location filename="../../ui/author/timeline.py" line="42" />
      <source>mood not analysed</source>
      <translation>Stimmung nicht analysiert</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="44" />
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="45" />
      <source>neutral</source>
      <translation>neutral</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="46" />
      <source>positive</source>
      <translation>positiv</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="54" />
      <source>Adverse event: a PV case holds this message</source>
      <translation>Unerwünschtes Arzneimittelereignis: Diese Nachricht gehört zu einem PV-Fall</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="56" />
      <source>Suspected adverse event</source>
      <translation>Verdacht auf Nebenwirkung</translation>
    </message>
  </context>
  <context>
    <name>CaseActions</name>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="24" />
      <source>Save draft</source>
      <translation>Entwurf speichern</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="26" />
      <source>Mark ready</source>
      <translation>Als bereit markieren</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="28" />
      <source>Forward to drug safety…</source>
      <translation>An die Arzneimittelsicherheit weiterleiten …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="30" />
      <source>Acknowledge…</source>
      <translation>Eingangsbestätigung erfassen …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="32" />
      <source>Close as invalid…</source>
      <translation>Als ungültig schließen …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="46" />
      <source>Export the saved case as %1</source>
      <translation>Den gespeicherten Fall als %1 exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="84" />
      <source>Nothing changed since the last save.</source>
      <translation>Seit dem letzten Speichern hat sich nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="87" />
      <source>Save PV case</source>
      <translation>PV-Fall speichern</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="87" />
      <source>Saved.</source>
      <translation>Gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="92" />
      <source>Mark PV case ready</source>
      <translation>PV-Fall als bereit markieren</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="92" />
      <source>Ready to forward.</source>
      <translation>Bereit zur Weiterleitung.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="100" />
      <source>Forward PV case</source>
      <translation>PV-Fall weiterleiten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="101" />
      <source>Forwarded to drug safety (e-mail queued).</source>
      <translation>An die Arzneimittelsicherheit weitergeleitet (E-Mail im Postausgang).</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="103" />
      <source>Forwarded to drug safety (files written to %1).</source>
      <translation>An die Arzneimittelsicherheit weitergeleitet (Dateien in %1 geschrieben).</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="111" />
      <source>Acknowledge PV case</source>
      <translation>Eingangsbestätigung zum PV-Fall erfassen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="112" />
      <source>Receipt by drug safety recorded.</source>
      <translation>Eingangsbestätigung der Arzneimittelsicherheit erfasst.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="119" />
      <source>Say why the case is closed as invalid.</source>
      <translation>Geben Sie an, warum der Fall als ungültig geschlossen wird.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="123" />
      <source>Close PV case</source>
      <translation>PV-Fall schließen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="123" />
      <source>Closed as invalid.</source>
      <translation>Als ungültig geschlossen.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="132" />
      <source>Exported to %1 (the saved version; unsaved edits are not in it).</source>
      <translation>Nach %1 exportiert (die gespeicherte Fassung; ungespeicherte Änderungen sind nicht enthalten).</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="134" />
      <source>Exported to %1.</source>
      <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="138" />
      <source>Export %1</source>
      <translation>%1 exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="153" />
      <source>Acknowledge</source>
      <translation>Eingangsbestätigung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="153" />
      <source>Drug safety's case number:</source>
      <translation>Fallnummer der Arzneimittelsicherheit:</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="158" />
      <source>Close as invalid</source>
      <translation>Als ungültig schließen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="158" />
      <source>Why is this not a valid case?</source>
      <translation>Warum ist das kein gültiger Fall?</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_actions.py" line="167" />
      <source>Export case</source>
      <translation>Fall exportieren</translation>
    </message>
  </context>
  <context>
    <name>CaseForm</name>
    <message>
      <location filename="../../ui/pv/products.py" line="28" />
      <source>Product</source>
      <translation>Arzneimittel</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="29" />
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="30" />
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="31" />
      <source>Batch</source>
      <translation>Charge</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="32" />
      <source>Route</source>
      <translation>Art der Anwendung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="33" />
      <source>Indication</source>
      <translation>Indikation</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="34" />
      <source>Action taken</source>
      <translation>Ergriffene Maßnahme</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="31" />
      <source>Verbatim (reporter's words)</source>
      <translation>Wortlaut (Worte des Meldenden)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="32" />
      <source>MedDRA LLT</source>
      <translation>MedDRA-LLT</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="33" />
      <source>PT</source>
      <translation>PT</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="34" />
      <source>Primary SOC</source>
      <translation>Primäre SOC</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="35" />
      <source>Outcome</source>
      <translation>Ausgang</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_form.py" line="97" />
      <source>PV case</source>
      <translation>PV-Fall</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_form.py" line="154" />
      <source>Narrative</source>
      <translation>Fallbeschreibung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_form.py" line="178" />
      <source>Open PV case</source>
      <translation>PV-Fall anlegen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_form.py" line="179" />
      <source>Case created from the message.</source>
      <translation>Fall aus der Nachricht angelegt.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_form.py" line="197" />
      <source>PV case %1</source>
      <translation>PV-Fall %1</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_form.py" line="199" />
      <source>[%1]</source>
      <translation>[%1]</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_form.py" line="357" />
      <source>Choose a message or a case to open.</source>
      <translation>Wählen Sie eine Nachricht oder einen Fall zum Öffnen.</translation>
    </message>
  </context>
  <context>
    <name>Composer</name>
    <message>
      <location filename="../../ui/templates/composer.py" line="71" />
      <source>Public reply</source>
      <translation>Öffentliche Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="72" />
      <source>Private message</source>
      <translation>Direktnachricht</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="73" />
      <source>Templates (/)</source>
      <translation>Vorlagen (/)</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="77" />
      <location filename="../../ui/templates/composer.py" line="274" />
      <source>Write a reply, or type / to pick a template</source>
      <translation>Antwort schreiben oder / eingeben, um eine Vorlage zu wählen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="89" />
      <source>Send</source>
      <translation>Senden</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="92" />
      <source>Put the reply in the outbox (Ctrl+Return)</source>
      <translation>Antwort in den Postausgang legen (Strg+Eingabe)</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="97" />
      <source>Retry</source>
      <translation>Erneut versuchen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="173" />
      <source>No approved template fits this message.</source>
      <translation>Keine freigegebene Vorlage passt zu dieser Nachricht.</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="197" />
      <source>Loading templates</source>
      <translation>Vorlagen werden geladen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="216" />
      <source>Filling in the template</source>
      <translation>Vorlage wird ausgefüllt</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="264" />
      <source>{count} characters</source>
      <translation>{count} Zeichen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="272" />
      <source>Only an approved template can answer this message: press / or Templates</source>
      <translation>Diese Nachricht darf nur mit einer freigegebenen Vorlage beantwortet werden: / drücken oder „Vorlagen“ wählen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="302" />
      <source>Queuing the reply</source>
      <translation>Antwort wird in den Postausgang gelegt</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="332" />
      <source>{what}: sent{where}</source>
      <translation>{what}: gesendet{where}</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="335" />
      <source>{what}: failed: {reason}</source>
      <translation>{what}: fehlgeschlagen: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="341" />
      <source>{what}: unknown, verify on the channel before retrying</source>
      <translation>{what}: Ergebnis unbekannt, vor einem neuen Versuch im Kanal prüfen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="344" />
      <source>{what}: queued</source>
      <translation>{what}: im Postausgang</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="352" />
      <source>reply</source>
      <translation>Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="353" />
      <source>private reply</source>
      <translation>private Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="354" />
      <source>hide comment</source>
      <translation>Kommentar ausblenden</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="355" />
      <source>show comment again</source>
      <translation>Kommentar wieder einblenden</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="356" />
      <source>moderation setting</source>
      <translation>Moderationseinstellung</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="357" />
      <source>e-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <location filename="../../ui/templates/composer.py" line="372" />
      <source>Retrying</source>
      <translation>Wird erneut versucht</translation>
    </message>
  </context>
  <context>
    <name>Dashboard</name>
    <message numerus="yes">
      <location filename="../../ui/dashboard/dashboard.py" line="93" />
      <source>Last %n day(s)</source>
      <translation>
        <numerusform>Letzter %n Tag</numerusform>
        <numerusform>Letzte %n Tage</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="99" />
      <source>All channels</source>
      <translation>Alle Kanäle</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="100" />
      <source>All agents</source>
      <translation>Alle Zuständigen</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="101" />
      <source>All products</source>
      <translation>Alle Produkte</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="104" />
      <source>Refresh</source>
      <translation>Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="107" />
      <source>Export</source>
      <translation>Exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="110" />
      <source>Tables as CSV…</source>
      <translation>Tabellen als CSV …</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="111" />
      <source>Dashboard as PNG…</source>
      <translation>Dashboard als PNG …</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="112" />
      <source>Dashboard as PDF…</source>
      <translation>Dashboard als PDF …</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="116" />
      <source>Period:</source>
      <translation>Zeitraum:</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="133" />
      <source>Channel</source>
      <translation>Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="134" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="135" />
      <source>Last successful sync</source>
      <translation>Letzte erfolgreiche Synchronisierung</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="136" />
      <source>Hours since</source>
      <translation>Stunden seitdem</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="137" />
      <source>Monitoring</source>
      <translation>Überwachung</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="138" />
      <source>Last error</source>
      <translation>Letzter Fehler</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="142" />
      <source>Monitoring coverage (a gap means adverse events may go unseen)</source>
      <translation>Überwachungsabdeckung (bei einer Lücke bleiben unerwünschte Arzneimittelereignisse womöglich unbemerkt)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="151" />
      <source>Pharmacovigilance</source>
      <translation>Pharmakovigilanz</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="155" />
      <source>Agent</source>
      <translation>Zuständig</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="156" />
      <source>Open</source>
      <translation>Offen</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="157" />
      <source>Waiting</source>
      <translation>Wartend</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="158" />
      <source>Handled</source>
      <translation>Erledigt</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="159" />
      <source>First response, median (business h)</source>
      <translation>Erste Antwort, Median (Std. Geschäftszeit)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="160" />
      <source>First response, 90th pct</source>
      <translation>Erste Antwort, 90. Perzentil</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="161" />
      <source>Handling, median (h)</source>
      <translation>Bearbeitung, Median (h)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="162" />
      <source>SLA breaches</source>
      <translation>SLA-Verstöße</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="171" />
      <source>Workload and response times</source>
      <translation>Arbeitslast und Antwortzeiten</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="180" />
      <source>Crisis early warning</source>
      <translation>Krisenfrühwarnung</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="182" />
      <source>Mood</source>
      <translation>Stimmung</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="225" />
      <source>Loading…</source>
      <translation>Wird geladen …</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="230" />
      <location filename="../../ui/dashboard/dashboard.py" line="236" />
      <source>Loading the dashboard</source>
      <translation>Dashboard wird geladen</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="249" />
      <source>%1 to %2</source>
      <translation>%1 bis %2</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="280" />
      <source>never</source>
      <translation>nie</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="282" />
      <source>GAP</source>
      <translation>LÜCKE</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="282" />
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="294" />
      <source>Messages flagged</source>
      <translation>Nachrichten mit Verdacht</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="295" />
      <source>Still unscreened</source>
      <translation>Noch nicht geprüft</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="296" />
      <source>Forwarded within 24 h</source>
      <translation>Binnen 24 h weitergeleitet</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="297" />
      <source>Overdue (internal 24 h)</source>
      <translation>Überfällig (intern 24 h)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="298" />
      <source>Overdue (regulatory)</source>
      <translation>Überfällig (regulatorisch)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="299" />
      <source>Follow-ups outstanding</source>
      <translation>Ausstehende Follow-ups</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="300" />
      <source>Reconciliation gaps</source>
      <translation>Abgleichslücken</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="314" />
      <source>Open cases by age</source>
      <translation>Offene Fälle nach Alter</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="316" />
      <source>cases</source>
      <translation>Fälle</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="326" />
      <source>(unassigned)</source>
      <translation>(nicht zugewiesen)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="347" />
      <source>Handled per day</source>
      <translation>Erledigt pro Tag</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="358" />
      <source>Volume per channel and day</source>
      <translation>Aufkommen pro Kanal und Tag</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="374" />
      <source>Negative messages per channel and day (%)</source>
      <translation>Negative Nachrichten pro Kanal und Tag (%)</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="389" />
      <source>No spikes against the trailing baseline.</source>
      <translation>Keine Ausschläge gegenüber dem gleitenden Ausgangsniveau.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="464" />
      <source>Export tables to folder</source>
      <translation>Tabellen in Ordner exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard/dashboard.py" line="469" />
      <location filename="../../ui/dashboard/dashboard.py" line="474" />
      <source>Save dashboard</source>
      <translation>Dashboard speichern</translation>
    </message>
  </context>
  <context>
    <name>Day0Dialog</name>
    <message>
      <location filename="../../ui/pv/day0.py" line="31" />
      <source>Change day 0</source>
      <translation>Tag 0 ändern</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="38" />
      <source>Why does day 0 change? (required)</source>
      <translation>Warum ändert sich Tag 0? (Pflichtfeld)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="39" />
      <source>Day 0</source>
      <translation>Tag 0</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="40" />
      <source>Reason</source>
      <translation>Begründung</translation>
    </message>
  </context>
  <context>
    <name>Day0Section</name>
    <message>
      <location filename="../../ui/pv/day0.py" line="57" />
      <source>Day 0 (first receipt of the minimum information)</source>
      <translation>Tag 0 (erster Eingang der Mindestinformationen)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="61" />
      <source>Change day 0…</source>
      <translation>Tag 0 ändern …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="70" />
      <source>changed: %1</source>
      <translation>geändert: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="77" />
      <source>Say why day 0 changes: it moves both reporting deadlines.</source>
      <translation>Geben Sie an, warum sich Tag 0 ändert: Das verschiebt beide Meldefristen.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="82" />
      <source>Change day 0</source>
      <translation>Tag 0 ändern</translation>
    </message>
    <message>
      <location filename="../../ui/pv/day0.py" line="83" />
      <source>Day 0 changed; the deadlines moved with it.</source>
      <translation>Tag 0 geändert; die Fristen wurden mit verschoben.</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesSection</name>
    <message>
      <location filename="../../ui/pv/duplicates.py" line="18" />
      <source>Possible duplicates</source>
      <translation>Mögliche Duplikate</translation>
    </message>
    <message>
      <location filename="../../ui/pv/duplicates.py" line="22" />
      <source>Link as follow-up of the selected case</source>
      <translation>Als Nachverfolgung des ausgewählten Falls verknüpfen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/duplicates.py" line="47" />
      <source>No similar case in the last 30 days.</source>
      <translation>Kein ähnlicher Fall in den letzten 30 Tagen.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/duplicates.py" line="55" />
      <source>Link PV case</source>
      <translation>PV-Fall verknüpfen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/duplicates.py" line="56" />
      <source>Linked as follow-up.</source>
      <translation>Als Nachverfolgung verknüpft.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/duplicates.py" line="65" />
      <source>Select the case this one repeats first.</source>
      <translation>Wählen Sie zuerst den Fall aus, den dieser wiederholt.</translation>
    </message>
  </context>
  <context>
    <name>EventsSection</name>
    <message>
      <location filename="../../ui/pv/events.py" line="45" />
      <source>Events</source>
      <translation>Ereignisse</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="56" />
      <source>Code the selected event: type a MedDRA LLT…</source>
      <translation>Ausgewähltes Ereignis codieren: MedDRA-LLT eingeben …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="68" />
      <source>Add event</source>
      <translation>Ereignis hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="70" />
      <source>Remove selected</source>
      <translation>Ausgewählte entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/events.py" line="132" />
      <source>MedDRA not loaded: events are kept as verbatim</source>
      <translation>MedDRA nicht geladen: Ereignisse bleiben im Wortlaut erhalten</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="39" />
      <source>Welcome to cmdesk</source>
      <translation>Willkommen bei cmdesk</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="46" />
      <source>cmdesk keeps every message encrypted on this computer. The new desk will be created at %1.</source>
      <translation>cmdesk speichert jede Nachricht verschlüsselt auf diesem Computer. Der neue Desk wird unter %1 angelegt.</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="52" />
      <source>Keep the key in the system keyring (no passphrase to type)</source>
      <translation>Schlüssel im Schlüsselbund des Systems ablegen (keine Passphrase nötig)</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="53" />
      <source>Protect the desk with a passphrase</source>
      <translation>Desk mit einer Passphrase schützen</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="68" />
      <source>e.g. Anna Berger</source>
      <translation>z. B. Anna Berger</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="72" />
      <source>Community manager</source>
      <translation>Community-Manager</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="73" />
      <source>PV reviewer</source>
      <translation>PV-Prüfer</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="74" />
      <source>Team lead</source>
      <translation>Teamleitung</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="75" />
      <source>Approver</source>
      <translation>Freigabe</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="87" />
      <source>Passphrase</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="88" />
      <source>Repeat passphrase</source>
      <translation>Passphrase wiederholen</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="89" />
      <source>Your name</source>
      <translation>Ihr Name</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="90" />
      <source>Your role</source>
      <translation>Ihre Rolle</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="92" />
      <source>Create desk</source>
      <translation>Desk anlegen</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="112" />
      <source>Please enter your name.</source>
      <translation>Bitte geben Sie Ihren Namen ein.</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="115" />
      <source>The passphrase needs at least %1 characters.</source>
      <translation>Die Passphrase braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/first_run.py" line="117" />
      <source>The two passphrases differ.</source>
      <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
  </context>
  <context>
    <name>FollowUpsSection</name>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="28" />
      <source>Follow-ups</source>
      <translation>Nachverfolgungen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="32" />
      <source>When</source>
      <translation>Zeitpunkt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="32" />
      <source>Who</source>
      <translation>Wer</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="32" />
      <source>Channel</source>
      <translation>Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="32" />
      <source>Outcome</source>
      <translation>Ausgang</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="32" />
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="38" />
      <source>Request follow-up…</source>
      <translation>Nachverfolgung anfordern …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="40" />
      <source>Answer received</source>
      <translation>Antwort erhalten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="42" />
      <source>No answer</source>
      <translation>Keine Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="69" />
      <location filename="../../ui/pv/follow_ups.py" line="87" />
      <source>Request follow-up</source>
      <translation>Nachverfolgung anfordern</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="70" />
      <source>Follow-up request logged.</source>
      <translation>Anfrage zur Nachverfolgung erfasst.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="78" />
      <source>Log follow-up</source>
      <translation>Nachverfolgung erfassen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="79" />
      <source>Follow-up outcome logged.</source>
      <translation>Ergebnis der Nachverfolgung erfasst.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/follow_ups.py" line="87" />
      <source>What was asked (on %1)?</source>
      <translation>Was wurde gefragt (auf %1)?</translation>
    </message>
  </context>
  <context>
    <name>ForwardDialog</name>
    <message>
      <location filename="../../ui/pv/forward_dialog.py" line="24" />
      <source>Forward to drug safety</source>
      <translation>An die Arzneimittelsicherheit weiterleiten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/forward_dialog.py" line="26" />
      <source>E-mail to the drug safety inbox</source>
      <translation>Per E-Mail an das Postfach der Arzneimittelsicherheit</translation>
    </message>
    <message>
      <location filename="../../ui/pv/forward_dialog.py" line="27" />
      <source>Export PDF, E2B XML and JSON to a folder</source>
      <translation>PDF, E2B-XML und JSON in einen Ordner exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/pv/forward_dialog.py" line="33" />
      <source>Browse…</source>
      <translation>Durchsuchen …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/forward_dialog.py" line="49" />
      <source>Folder drug safety collects from</source>
      <translation>Ordner, aus dem die Arzneimittelsicherheit abholt</translation>
    </message>
  </context>
  <context>
    <name>GapBanner</name>
    <message>
      <location filename="../../ui/accounts/gap_banner.py" line="29" />
      <source>Open channel accounts…</source>
      <translation>Kanalkonten öffnen …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/gap_banner.py" line="48" />
      <source>%1 for %2 h</source>
      <translation>%1 seit %2 h</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/gap_banner.py" line="48" />
      <source>%1 for too long</source>
      <translation>%1 seit zu langer Zeit</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/gap_banner.py" line="52" />
      <source>No successful sync from %1: adverse events may be going unseen.</source>
      <translation>Keine erfolgreiche Synchronisierung von %1: Unerwünschte Arzneimittelereignisse bleiben womöglich unbemerkt.</translation>
    </message>
  </context>
  <context>
    <name>HeaderSection</name>
    <message>
      <location filename="../../ui/pv/case_header.py" line="26" />
      <source>Opening case…</source>
      <translation>Fall wird geöffnet …</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="34" />
      <source>Internal forward deadline</source>
      <translation>Interne Frist für die Weiterleitung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="36" />
      <source>Regulatory deadline</source>
      <translation>Meldefrist an die Behörde</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="54" />
      <source>Forward to drug safety</source>
      <translation>An die Arzneimittelsicherheit weiterleiten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="57" />
      <source>forwarded %1</source>
      <translation>weitergeleitet %1</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="61" />
      <source>Forward to drug safety: %1</source>
      <translation>An die Arzneimittelsicherheit weiterleiten: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="64" />
      <source>Regulatory: not reportable (closed as invalid)</source>
      <translation>Behörde: nicht meldepflichtig (als ungültig geschlossen)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="69" />
      <source>Regulatory (serious, 15 d)</source>
      <translation>Behörde (schwerwiegend, 15 Tage)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="69" />
      <source>Regulatory (non-serious, 90 d)</source>
      <translation>Behörde (nicht schwerwiegend, 90 Tage)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/case_header.py" line="73" />
      <source>%1: %2 (due %3)</source>
      <translation>%1: %2 (fällig %3)</translation>
    </message>
  </context>
  <context>
    <name>IdentitiesBox</name>
    <message>
      <location filename="../../ui/author/identities.py" line="48" />
      <source>Suggested merges</source>
      <translation>Vorgeschlagene Zusammenführungen</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="51" />
      <source>cmdesk only suggests; nothing is joined until you confirm.</source>
      <translation>cmdesk schlägt nur vor; nichts wird zusammengeführt, bevor Sie bestätigen.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/author/identities.py" line="92" />
      <source>%1 · %n message(s) · since %2</source>
      <translation>
        <numerusform>%1 · %n Nachricht · seit %2</numerusform>
        <numerusform>%1 · %n Nachrichten · seit %2</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="100" />
      <source>Profile</source>
      <translation>Profil</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="105" />
      <source>Split off</source>
      <translation>Abtrennen</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="106" />
      <source>This identity is someone else: make it a person of its own</source>
      <translation>Diese Identität ist jemand anderes: zu einer eigenen Person machen</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="122" />
      <source>%1 on %2 may be this person</source>
      <translation>%1 auf %2 ist möglicherweise diese Person</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="125" />
      <source>This identity (%1 on %2) may belong to %3</source>
      <translation>Diese Identität (%1 auf %2) gehört möglicherweise zu %3</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="131" />
      <source>Match %1 %</source>
      <translation>Übereinstimmung %1 %</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="134" />
      <source>Confirm</source>
      <translation>Bestätigen</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="135" />
      <source>Join this identity to the person</source>
      <translation>Diese Identität der Person zuordnen</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="137" />
      <source>Reject</source>
      <translation>Ablehnen</translation>
    </message>
    <message>
      <location filename="../../ui/author/identities.py" line="138" />
      <source>Not the same person; cmdesk will not suggest this again</source>
      <translation>Nicht dieselbe Person; cmdesk schlägt das nicht wieder vor</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <location filename="../../ui/desk_life/lock_screen.py" line="20" />
      <source>The desk is locked</source>
      <translation>Der Desk ist gesperrt</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/lock_screen.py" line="23" />
      <source>Unlock…</source>
      <translation>Entsperren …</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="54" />
      <source>cmdesk — %1</source>
      <translation>cmdesk – %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="138" />
      <source>&amp;Desk</source>
      <translation>&amp;Desk</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="139" />
      <source>&amp;Queue</source>
      <translation>&amp;Warteschlange</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="140" />
      <source>&amp;Message</source>
      <translation>&amp;Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="141" />
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="176" />
      <source>PV review list</source>
      <translation>PV-Prüfliste</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="181" />
      <source>Language</source>
      <translation>Sprache</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="182" />
      <source>System language</source>
      <translation>Systemsprache</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="186" />
      <source>Theme</source>
      <translation>Design</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="188" />
      <source>Follow the system</source>
      <translation>Wie das System</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="189" />
      <source>Light</source>
      <translation>Hell</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="190" />
      <source>Dark</source>
      <translation>Dunkel</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="198" />
      <source>About cmdesk</source>
      <translation>Über cmdesk</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="213" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="316" />
      <source>%1 messages</source>
      <translation>%1 Nachrichten</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="416" />
      <source>Dashboard</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="450" />
      <source>Not done</source>
      <translation>Nicht ausgeführt</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/main_window.py" line="458" />
      <source>… and %n more</source>
      <translation>
        <numerusform>… und %n weitere</numerusform>
        <numerusform>… und %n weitere</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="460" />
      <source>Some messages were left as they were</source>
      <translation>Einige Nachrichten wurden nicht geändert</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="481" />
      <source>Save filter</source>
      <translation>Filter speichern</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="481" />
      <source>Name of the filter:</source>
      <translation>Name des Filters:</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <location filename="../../ui/pv/message_bar.py" line="20" />
      <source>Close message</source>
      <translation>Meldung schließen</translation>
    </message>
  </context>
  <context>
    <name>MessageHeader</name>
    <message>
      <location filename="../../ui/message/header.py" line="33" />
      <source>Open on channel</source>
      <translation>Im Kanal öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="69" />
      <source>unknown author</source>
      <translation>unbekannter Autor</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="91" />
      <source>Status: {status}</source>
      <translation>Status: {status}</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="92" />
      <source>Assignee: {name}</source>
      <translation>Zuständig: {name}</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="92" />
      <source>nobody</source>
      <translation>niemand</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="93" />
      <source>Language: {language}</source>
      <translation>Sprache: {language}</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="96" />
      <source>Intent: {intent}</source>
      <translation>Anliegen: {intent}</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="104" />
      <source>Mood: {mood}</source>
      <translation>Stimmung: {mood}</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="106" />
      <source>PV: suspected ({score})</source>
      <translation>PV: Verdacht ({score})</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="108" />
      <source>PV: not suspected</source>
      <translation>PV: kein Verdacht</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="120" />
      <source>Deleted on the channel ({when}); the stored text is kept.</source>
      <translation>Im Kanal gelöscht ({when}); der gespeicherte Text bleibt erhalten.</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="126" />
      <source>Edited on the channel ({when}); this is the latest text.</source>
      <translation>Im Kanal bearbeitet ({when}); dies ist der neueste Text.</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="131" />
      <source>Hidden on the channel.</source>
      <translation>Im Kanal ausgeblendet.</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="136" />
      <source>open</source>
      <translation>offen</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="137" />
      <source>waiting</source>
      <translation>wartend</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="138" />
      <source>done</source>
      <translation>erledigt</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="139" />
      <source>no action</source>
      <translation>keine Aktion</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="144" />
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="145" />
      <source>neutral</source>
      <translation>neutral</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="146" />
      <source>positive</source>
      <translation>positiv</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="151" />
      <source>adverse event</source>
      <translation>unerwünschtes Arzneimittelereignis</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="152" />
      <source>complaint</source>
      <translation>Beschwerde</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="153" />
      <source>question</source>
      <translation>Frage</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="154" />
      <source>praise</source>
      <translation>Lob</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="155" />
      <source>experience</source>
      <translation>Erfahrungsbericht</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="156" />
      <source>abuse</source>
      <translation>Beleidigung</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="157" />
      <source>spam</source>
      <translation>Spam</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="158" />
      <source>other</source>
      <translation>Sonstiges</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="163" />
      <source>not screened yet</source>
      <translation>noch nicht geprüft</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="164" />
      <source>cleared automatically</source>
      <translation>automatisch ausgeschlossen</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="165" />
      <source>screened: not an adverse event</source>
      <translation>geprüft: kein unerwünschtes Arzneimittelereignis</translation>
    </message>
    <message>
      <location filename="../../ui/message/header.py" line="166" />
      <source>screened: PV case</source>
      <translation>geprüft: PV-Fall</translation>
    </message>
  </context>
  <context>
    <name>MessagePane</name>
    <message>
      <location filename="../../ui/message/pane.py" line="106" />
      <source>Select a message in the queue.</source>
      <translation>Wählen Sie eine Nachricht in der Warteschlange aus.</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="120" />
      <source>Reply… (r)</source>
      <translation>Antworten… (r)</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="162" />
      <source>This address cannot be opened: {url}</source>
      <translation>Diese Adresse kann nicht geöffnet werden: {url}</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="333" />
      <source>red/green: words behind the mood</source>
      <translation>rot/grün: Wörter, die die Stimmung bestimmen</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="335" />
      <source>violet, dashed: possible adverse event</source>
      <translation>violett, gestrichelt: mögliches unerwünschtes Arzneimittelereignis</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="337" />
      <source>yellow: search hits</source>
      <translation>gelb: Suchtreffer</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="366" />
      <source>Save attachment</source>
      <translation>Anhang speichern</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="373" />
      <source>Saving the attachment</source>
      <translation>Anhang wird gespeichert</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="374" />
      <source>Saved to {path}</source>
      <translation>Gespeichert unter {path}</translation>
    </message>
    <message>
      <location filename="../../ui/message/pane.py" line="383" />
      <source>Retrying</source>
      <translation>Wird erneut versucht</translation>
    </message>
  </context>
  <context>
    <name>MoodChart</name>
    <message>
      <location filename="../../ui/author/mood_chart.py" line="34" />
      <source>Mood per week</source>
      <translation>Stimmung pro Woche</translation>
    </message>
    <message>
      <location filename="../../ui/author/mood_chart.py" line="55" />
      <source>No mood measured in recent weeks.</source>
      <translation>In den letzten Wochen keine Stimmung gemessen.</translation>
    </message>
    <message>
      <location filename="../../ui/author/mood_chart.py" line="56" />
      <source>Mood per week, from -1 (negative) to +1 (positive):</source>
      <translation>Stimmung pro Woche, von -1 (negativ) bis +1 (positiv):</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/author/mood_chart.py" line="59" />
      <source>week of %1: %2 (%n message(s))</source>
      <translation>
        <numerusform>Woche ab %1: %2 (%n Nachricht)</numerusform>
        <numerusform>Woche ab %1: %2 (%n Nachrichten)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="90" />
      <source>Add note</source>
      <translation>Notiz hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="91" />
      <source>Internal note (never sent to the channel):</source>
      <translation>Interne Notiz (wird nie an den Kanal gesendet):</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="104" />
      <source>%1 / %2 characters</source>
      <translation>%1 / %2 Zeichen</translation>
    </message>
  </context>
  <context>
    <name>NotesAndHistory</name>
    <message>
      <location filename="../../ui/message/details.py" line="210" />
      <source>Tags: {tags}</source>
      <translation>Schlagwörter: {tags}</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="214" />
      <source>{author}, {when}: {text}</source>
      <translation>{author}, {when}: {text}</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="220" />
      <source>Status history ({count})</source>
      <translation>Statusverlauf ({count})</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="226" />
      <source>{when} {actor}: {field} {old} → {new}</source>
      <translation>{when} {actor}: {field} {old} → {new}</translation>
    </message>
  </context>
  <context>
    <name>NotesBox</name>
    <message>
      <location filename="../../ui/author/notes.py" line="96" />
      <source>A note for the team about this person…</source>
      <translation>Notiz für das Team zu dieser Person …</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="97" />
      <source>New note</source>
      <translation>Neue Notiz</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="100" />
      <source>Add note</source>
      <translation>Notiz hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="101" />
      <source>Ctrl+Enter</source>
      <translation>Strg+Eingabe</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="113" />
      <source>No notes yet.</source>
      <translation>Noch keine Notizen.</translation>
    </message>
  </context>
  <context>
    <name>OutboxList</name>
    <message>
      <location filename="../../ui/message/details.py" line="120" />
      <source>Replies and moderation</source>
      <translation>Antworten und Moderation</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="127" />
      <source>Reply</source>
      <translation>Antworten</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="128" />
      <source>Private reply</source>
      <translation>Private Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="129" />
      <source>Hide</source>
      <translation>Ausblenden</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="130" />
      <source>Unhide</source>
      <translation>Einblenden</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="131" />
      <source>Moderation</source>
      <translation>Moderation</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="132" />
      <source>E-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="139" />
      <source>{what}: sent {when}</source>
      <translation>{what}: gesendet am {when}</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="141" />
      <source>{what}: failed: {reason}</source>
      <translation>{what}: fehlgeschlagen: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="142" />
      <source>no reason</source>
      <translation>kein Grund angegeben</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="145" />
      <source>{what}: unknown, verify on the channel before retrying</source>
      <translation>{what}: Ergebnis unbekannt, vor einem neuen Versuch im Kanal prüfen</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="147" />
      <source>{what}: sending</source>
      <translation>{what}: wird gesendet</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="149" />
      <source>{what}: queued, will retry ({reason})</source>
      <translation>{what}: im Postausgang, neuer Versuch folgt ({reason})</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="152" />
      <source>{what}: queued</source>
      <translation>{what}: im Postausgang</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="161" />
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/message/details.py" line="167" />
      <source>Retry</source>
      <translation>Erneut versuchen</translation>
    </message>
  </context>
  <context>
    <name>PVActions</name>
    <message>
      <location filename="../../ui/pv/actions.py" line="37" />
      <source>New PV case</source>
      <translation>Neuer PV-Fall</translation>
    </message>
    <message>
      <location filename="../../ui/pv/actions.py" line="38" />
      <source>Select the message that reports the adverse event first.</source>
      <translation>Wählen Sie zuerst die Nachricht aus, die das unerwünschte Ereignis meldet.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/actions.py" line="47" />
      <source>New PV case from message</source>
      <translation>Neuer PV-Fall aus Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/pv/actions.py" line="51" />
      <source>Open a draft pharmacovigilance case prefilled from the selected messages</source>
      <translation>Einen PV-Fallentwurf öffnen, vorausgefüllt aus den ausgewählten Nachrichten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/actions.py" line="57" />
      <source>PV review</source>
      <translation>PV-Prüfung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/actions.py" line="59" />
      <source>Messages waiting for a PV decision, by deadline</source>
      <translation>Nachrichten, die auf eine PV-Entscheidung warten, nach Frist</translation>
    </message>
  </context>
  <context>
    <name>PVDecisionDialog</name>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="129" />
      <source>PV decision</source>
      <translation>PV-Entscheidung</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/triage/dialogs.py" line="130" />
      <source>%n selected message(s):</source>
      <translation>
        <numerusform>%n ausgewählte Nachricht:</numerusform>
        <numerusform>%n ausgewählte Nachrichten:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="131" />
      <source>Suspected adverse event: send to PV review (deadline starts now)</source>
      <translation>Verdacht auf Nebenwirkung: zur PV-Prüfung senden (Frist beginnt jetzt)</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="132" />
      <source>Not PV-relevant</source>
      <translation>Nicht PV-relevant</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="139" />
      <location filename="../../ui/triage/dialogs.py" line="155" />
      <source>Reason (optional):</source>
      <translation>Begründung (optional):</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="153" />
      <source>Reason (required: why is this not an adverse event?):</source>
      <translation>Begründung (Pflicht: Warum ist das kein unerwünschtes Arzneimittelereignis?):</translation>
    </message>
  </context>
  <context>
    <name>PVLabels</name>
    <message>
      <location filename="../../ui/pv/labels.py" line="35" />
      <source>Results in death</source>
      <translation>Tod</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="36" />
      <source>Life-threatening</source>
      <translation>Lebensbedrohlich</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="37" />
      <source>Caused / prolonged hospitalisation</source>
      <translation>Krankenhausaufenthalt verursacht / verlängert</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="38" />
      <source>Disabling / incapacitating</source>
      <translation>Bleibende oder schwerwiegende Behinderung / Invalidität</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="39" />
      <source>Congenital anomaly / birth defect</source>
      <translation>Kongenitale Anomalie / Geburtsfehler</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="40" />
      <source>Other medically important condition</source>
      <translation>Sonstiges medizinisch bedeutsames Ereignis</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="43" />
      <source>self</source>
      <translation>selbst</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="44" />
      <source>child</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="45" />
      <source>son</source>
      <translation>Sohn</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="46" />
      <source>daughter</source>
      <translation>Tochter</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="47" />
      <source>mother</source>
      <translation>Mutter</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="48" />
      <source>father</source>
      <translation>Vater</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="49" />
      <source>husband</source>
      <translation>Ehemann</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="50" />
      <source>wife</source>
      <translation>Ehefrau</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="51" />
      <source>partner</source>
      <translation>Partner/in</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="52" />
      <source>grandmother</source>
      <translation>Großmutter</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="53" />
      <source>grandfather</source>
      <translation>Großvater</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="54" />
      <source>other</source>
      <translation>andere Person</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="57" />
      <source>years</source>
      <translation>Jahre</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="58" />
      <source>months</source>
      <translation>Monate</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="59" />
      <source>weeks</source>
      <translation>Wochen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="60" />
      <source>days</source>
      <translation>Tage</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="61" />
      <source>hours</source>
      <translation>Stunden</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="62" />
      <source>decades</source>
      <translation>Jahrzehnte</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="65" />
      <location filename="../../ui/pv/labels.py" line="106" />
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="66" />
      <source>female</source>
      <translation>weiblich</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="67" />
      <source>male</source>
      <translation>männlich</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="70" />
      <source>draft</source>
      <translation>Entwurf</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="71" />
      <source>ready</source>
      <translation>bereit zur Weiterleitung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="72" />
      <source>forwarded</source>
      <translation>weitergeleitet</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="73" />
      <source>acknowledged</source>
      <translation>Eingang bestätigt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="74" />
      <source>closed invalid</source>
      <translation>als ungültig geschlossen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="77" />
      <source>requested</source>
      <translation>angefragt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="78" />
      <source>answered</source>
      <translation>beantwortet</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="79" />
      <source>no answer</source>
      <translation>keine Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="84" />
      <source>Physician</source>
      <translation>Arzt/Ärztin</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="85" />
      <source>Pharmacist</source>
      <translation>Apotheker/in</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="86" />
      <source>Other health professional</source>
      <translation>Sonstige Angehörige der Gesundheitsberufe</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="87" />
      <source>Lawyer</source>
      <translation>Rechtsanwalt/Rechtsanwältin</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="88" />
      <source>Consumer or other non health professional</source>
      <translation>Verbraucher oder sonstige Nicht-Angehörige der Gesundheitsberufe</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="89" />
      <source>Foetus</source>
      <translation>Fötus</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="90" />
      <source>Neonate</source>
      <translation>Neugeborenes</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="91" />
      <source>Infant</source>
      <translation>Säugling</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="92" />
      <source>Child</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="93" />
      <source>Adolescent</source>
      <translation>Jugendliche/r</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="94" />
      <source>Adult</source>
      <translation>Erwachsene/r</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="95" />
      <source>Elderly</source>
      <translation>Ältere Person</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="96" />
      <source>Suspect</source>
      <translation>Verdächtig</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="97" />
      <source>Concomitant</source>
      <translation>Begleitmedikation</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="98" />
      <source>Interacting</source>
      <translation>Wechselwirkend</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="99" />
      <source>Drug Not Administered</source>
      <translation>Arzneimittel nicht verabreicht</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="100" />
      <source>Drug withdrawn</source>
      <translation>Arzneimittel abgesetzt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="101" />
      <source>Dose reduced</source>
      <translation>Dosis verringert</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="102" />
      <source>Dose increased</source>
      <translation>Dosis erhöht</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="103" />
      <source>Dose not changed</source>
      <translation>Dosis nicht verändert</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="104" />
      <source>Unknown</source>
      <translation>Unbekannt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="105" />
      <source>Not applicable</source>
      <translation>Nicht zutreffend</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="107" />
      <source>recovered/resolved</source>
      <translation>wiederhergestellt/abgeklungen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="108" />
      <source>recovering/resolving</source>
      <translation>in Besserung/klingt ab</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="109" />
      <source>not recovered/not resolved/ongoing</source>
      <translation>nicht wiederhergestellt/nicht abgeklungen/andauernd</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="110" />
      <source>recovered/resolved with sequelae</source>
      <translation>wiederhergestellt/abgeklungen mit Folgeschäden</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="111" />
      <source>fatal</source>
      <translation>tödlich</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="116" />
      <source>reporter.email</source>
      <translation>E-Mail des Meldenden</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="117" />
      <source>reporter.name</source>
      <translation>Name des Meldenden</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="118" />
      <source>reporter.handle</source>
      <translation>Benutzername des Meldenden</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="119" />
      <source>reporter.profile_url</source>
      <translation>Profil-Link des Meldenden</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="120" />
      <source>patient.initials</source>
      <translation>Initialen des Patienten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="121" />
      <source>patient.age</source>
      <translation>Alter des Patienten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="122" />
      <source>patient.age_group</source>
      <translation>Altersgruppe des Patienten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="123" />
      <source>patient.sex</source>
      <translation>Geschlecht des Patienten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="124" />
      <source>patient.evidence</source>
      <translation>Worte des Meldenden über den Patienten</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="125" />
      <source>products[0].name</source>
      <translation>verdächtiges Arzneimittel</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="126" />
      <source>events[0].verbatim</source>
      <translation>Ereignis (Worte des Meldenden)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="129" />
      <source>an identifiable reporter (name, handle, profile link or e-mail)</source>
      <translation>ein identifizierbarer Meldender (Name, Benutzername, Profil-Link oder E-Mail)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="130" />
      <source>an identifiable patient (initials, age or age group, or sex)</source>
      <translation>ein identifizierbarer Patient (Initialen, Alter oder Altersgruppe oder Geschlecht)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="131" />
      <source>a suspected medicinal product</source>
      <translation>ein verdächtiges Arzneimittel</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="132" />
      <source>a suspected adverse reaction (what happened)</source>
      <translation>ein Verdacht auf Nebenwirkung (was ist passiert?)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="160" />
      <source>%1 d %2 h</source>
      <translation>%1 Tg. %2 Std.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="162" />
      <source>%1 h %2 min</source>
      <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="164" />
      <source>%1 min</source>
      <translation>%1 Min.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="166" />
      <source>%1 overdue</source>
      <translation>%1 überfällig</translation>
    </message>
    <message>
      <location filename="../../ui/pv/labels.py" line="168" />
      <source>%1 left</source>
      <translation>noch %1</translation>
    </message>
  </context>
  <context>
    <name>PatientSection</name>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="92" />
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="98" />
      <location filename="../../ui/pv/reporter_patient.py" line="104" />
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="107" />
      <source>Pregnant</source>
      <translation>Schwanger</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="109" />
      <source>Relation to reporter</source>
      <translation>Beziehung zum Meldenden</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="110" />
      <source>Initials</source>
      <translation>Initialen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="111" />
      <source>Age</source>
      <translation>Alter</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="112" />
      <source>Age group</source>
      <translation>Altersgruppe</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="113" />
      <source>Sex</source>
      <translation>Geschlecht</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="115" />
      <source>Reporter's words</source>
      <translation>Worte des Meldenden</translation>
    </message>
  </context>
  <context>
    <name>ProductsSection</name>
    <message>
      <location filename="../../ui/pv/products.py" line="42" />
      <source>Suspect products</source>
      <translation>Verdächtige Arzneimittel</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="51" />
      <source>Add product</source>
      <translation>Arzneimittel hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/products.py" line="53" />
      <source>Remove selected</source>
      <translation>Ausgewählte entfernen</translation>
    </message>
  </context>
  <context>
    <name>Queue</name>
    <message>
      <location filename="../../ui/queue/columns.py" line="34" />
      <source>Prio</source>
      <translation>Prio</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="36" />
      <location filename="../../ui/queue/columns.py" line="50" />
      <source>Author</source>
      <translation>Autor</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="37" />
      <source>Message</source>
      <translation>Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="38" />
      <source>Mood</source>
      <translation>Stimmung</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="39" />
      <location filename="../../ui/queue/columns.py" line="136" />
      <source>PV</source>
      <translation>PV</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="40" />
      <source>Age / due</source>
      <translation>Alter / fällig</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="41" />
      <source>Assignee</source>
      <translation>Zuständig</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="42" />
      <location filename="../../ui/queue/columns.py" line="56" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="48" />
      <source>Priority and SLA: P0 is the most urgent</source>
      <translation>Priorität und SLA: P0 ist am dringendsten</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="49" />
      <source>Channel</source>
      <translation>Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="51" />
      <source>Message text (excerpt)</source>
      <translation>Nachrichtentext (Auszug)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="52" />
      <source>Mood of the message</source>
      <translation>Stimmung der Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="53" />
      <source>Suspected adverse event (pharmacovigilance)</source>
      <translation>Verdacht auf Nebenwirkung (Pharmakovigilanz)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="54" />
      <source>Age of the message and time until the reply is due</source>
      <translation>Alter der Nachricht und Zeit bis zur fälligen Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="55" />
      <source>Assigned agent</source>
      <translation>Zuständige Person</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="70" />
      <source>open</source>
      <translation>offen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="71" />
      <source>waiting</source>
      <translation>wartend</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="72" />
      <source>done</source>
      <translation>erledigt</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="73" />
      <source>no action</source>
      <translation>keine Aktion</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="81" />
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="82" />
      <source>neutral</source>
      <translation>neutral</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="83" />
      <source>positive</source>
      <translation>positiv</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="91" />
      <source>%1s</source>
      <translation>%1 s</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="93" />
      <source>%1m</source>
      <translation>%1 min</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="95" />
      <source>%1h</source>
      <translation>%1 h</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="96" />
      <source>%1d</source>
      <translation>%1 T</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="105" />
      <source>loading…</source>
      <translation>wird geladen …</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="134" />
      <source>case</source>
      <translation>Fall</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="64" />
      <location filename="../../ui/queue/columns.py" line="147" />
      <source>late %1</source>
      <translation>%1 überfällig</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="149" />
      <source>due %1</source>
      <translation>fällig in %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="179" />
      <source>PV score %1</source>
      <translation>PV-Wert %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/columns.py" line="186" />
      <source>written %1, due %2</source>
      <translation>geschrieben %1, fällig %2</translation>
    </message>
  </context>
  <context>
    <name>ReporterSection</name>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="22" />
      <source>Reporter</source>
      <translation>Meldender</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="29" />
      <source>Open profile</source>
      <translation>Profil öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="39" />
      <source>ISO code, e.g. DE</source>
      <translation>ISO-Code, z. B. DE</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="40" />
      <source>Handle</source>
      <translation>Benutzername</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="41" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="42" />
      <source>E-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="43" />
      <source>Channel</source>
      <translation>Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="44" />
      <source>Profile link</source>
      <translation>Profil-Link</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="45" />
      <source>Qualification (E2B C.2.r.4)</source>
      <translation>Qualifikation (E2B C.2.r.4)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="46" />
      <source>Country</source>
      <translation>Land</translation>
    </message>
    <message>
      <location filename="../../ui/pv/reporter_patient.py" line="85" />
      <source>The profile link is not a web address.</source>
      <translation>Der Profil-Link ist keine Webadresse.</translation>
    </message>
  </context>
  <context>
    <name>ReviewView</name>
    <message>
      <location filename="../../ui/pv/review_view.py" line="39" />
      <source>Decide by</source>
      <translation>Entscheiden bis</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="40" />
      <source>Suspected</source>
      <translation>Verdacht</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="41" />
      <source>Score</source>
      <translation>Wert</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="42" />
      <source>Author</source>
      <translation>Autor</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="43" />
      <source>Account</source>
      <translation>Konto</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="44" />
      <source>Message</source>
      <translation>Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="69" />
      <source>PV review</source>
      <translation>PV-Prüfung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="93" />
      <source>Why are the selected messages not adverse events? (required)</source>
      <translation>Warum sind die ausgewählten Nachrichten keine unerwünschten Ereignisse? (Pflichtfeld)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="95" />
      <source>Not an adverse event</source>
      <translation>Kein unerwünschtes Ereignis</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="97" />
      <source>Open case</source>
      <translation>Fall öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="99" />
      <source>Refresh</source>
      <translation>Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="162" />
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/pv/review_view.py" line="174" />
      <source>%n message(s) waiting for a PV decision, %1 overdue.</source>
      <translation>
        <numerusform>%n Nachricht wartet auf eine PV-Entscheidung, %1 überfällig.</numerusform>
        <numerusform>%n Nachrichten warten auf eine PV-Entscheidung, %1 überfällig.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="213" />
      <source>Select the messages that are not adverse events.</source>
      <translation>Wählen Sie die Nachrichten aus, die keine unerwünschten Ereignisse sind.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="216" />
      <source>Say why these messages are not adverse events.</source>
      <translation>Geben Sie an, warum diese Nachrichten keine unerwünschten Ereignisse sind.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/pv/review_view.py" line="225" />
      <source>%n message(s) cleared as not an adverse event.</source>
      <translation>
        <numerusform>%n Nachricht als kein unerwünschtes Ereignis abgeschlossen.</numerusform>
        <numerusform>%n Nachrichten als kein unerwünschtes Ereignis abgeschlossen.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="231" />
      <source>Clear PV messages</source>
      <translation>PV-Nachrichten abschließen</translation>
    </message>
    <message>
      <location filename="../../ui/pv/review_view.py" line="240" />
      <source>Select the messages to open a case from.</source>
      <translation>Wählen Sie die Nachrichten aus, aus denen ein Fall angelegt werden soll.</translation>
    </message>
  </context>
  <context>
    <name>SearchBar</name>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="116" />
      <source>Search messages and authors ( / )</source>
      <translation>Nachrichten und Autoren durchsuchen ( / )</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="128" />
      <source>Channel</source>
      <translation>Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="129" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="130" />
      <source>Mood</source>
      <translation>Stimmung</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="131" />
      <source>PV</source>
      <translation>PV</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="132" />
      <source>Assignee</source>
      <translation>Zuständig</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="133" />
      <source>Language</source>
      <translation>Sprache</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="134" />
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="142" />
      <source>Clear filters</source>
      <translation>Filter löschen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="157" />
      <source>any</source>
      <translation>beliebig</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="157" />
      <source>suspected</source>
      <translation>Verdacht</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="157" />
      <source>not suspected</source>
      <translation>kein Verdacht</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="160" />
      <source>German</source>
      <translation>Deutsch</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="160" />
      <source>English</source>
      <translation>Englisch</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="160" />
      <source>other</source>
      <translation>andere</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="164" />
      <source>any time</source>
      <translation>jederzeit</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="165" />
      <source>last 24 hours</source>
      <translation>letzte 24 Stunden</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="166" />
      <source>last 7 days</source>
      <translation>letzte 7 Tage</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="167" />
      <source>last 30 days</source>
      <translation>letzte 30 Tage</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="177" />
      <source>anyone</source>
      <translation>alle</translation>
    </message>
    <message>
      <location filename="../../ui/queue/search_bar.py" line="177" />
      <source>unassigned</source>
      <translation>nicht zugewiesen</translation>
    </message>
  </context>
  <context>
    <name>SecretDialog</name>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="301" />
      <source>Secret of %1</source>
      <translation>Zugangsdaten für %1</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="306" />
      <source>Kept in the operating system's keyring, never in the desk file or the logs.</source>
      <translation>Wird im Schlüsselbund des Betriebssystems abgelegt, nie in der Desk-Datei oder in den Protokollen.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="312" />
      <source>Save</source>
      <translation>Speichern</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="327" />
      <location filename="../../ui/accounts/account_dialog.py" line="328" />
      <source>Page access token:</source>
      <translation>Seiten-Zugriffstoken:</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="329" />
      <source>OAuth access token:</source>
      <translation>OAuth-Zugriffstoken:</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="330" />
      <source>API key:</source>
      <translation>API-Schlüssel:</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="331" />
      <source>Password or app password:</source>
      <translation>Passwort oder App-Passwort:</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="332" />
      <source>Token or password:</source>
      <translation>Token oder Passwort:</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="337" />
      <source>Enter the token or password.</source>
      <translation>Bitte geben Sie das Token oder Passwort ein.</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/account_dialog.py" line="358" />
      <source>Could not store the secret (%1).</source>
      <translation>Die Zugangsdaten konnten nicht gespeichert werden (%1).</translation>
    </message>
  </context>
  <context>
    <name>SeriousnessSection</name>
    <message>
      <location filename="../../ui/pv/seriousness.py" line="17" />
      <source>Seriousness (decided by you; the detector only hints)</source>
      <translation>Schwerwiegend (Sie entscheiden; die Erkennung gibt nur Hinweise)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/seriousness.py" line="35" />
      <source>detector hint: mentioned in the message</source>
      <translation>Hinweis der Erkennung: in der Nachricht erwähnt</translation>
    </message>
  </context>
  <context>
    <name>ShortcutHelp</name>
    <message>
      <location filename="../../ui/shortcuts.py" line="88" />
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="90" />
      <source>Group</source>
      <translation>Bereich</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="90" />
      <source>Action</source>
      <translation>Aktion</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="90" />
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <location filename="../../ui/shortcuts.py" line="30" />
      <source>Queue</source>
      <translation>Warteschlange</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="31" />
      <source>Triage</source>
      <translation>Bearbeitung</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="32" />
      <source>Views</source>
      <translation>Ansichten</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="33" />
      <source>Desk</source>
      <translation>Desk</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="36" />
      <source>Next message</source>
      <translation>Nächste Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="37" />
      <source>Previous message</source>
      <translation>Vorige Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="38" />
      <source>Open message</source>
      <translation>Nachricht öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="39" />
      <source>First message</source>
      <translation>Erste Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="40" />
      <source>Last message</source>
      <translation>Letzte Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="41" />
      <source>Search</source>
      <translation>Suchen</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="42" />
      <source>Back to the queue</source>
      <translation>Zurück zur Warteschlange</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="43" />
      <source>Refresh queue</source>
      <translation>Warteschlange aktualisieren</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="44" />
      <source>Assign…</source>
      <translation>Zuweisen …</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="45" />
      <source>Assign to me</source>
      <translation>Mir zuweisen</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="46" />
      <source>Mark done</source>
      <translation>Als erledigt markieren</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="47" />
      <source>Mark waiting</source>
      <translation>Als wartend markieren</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="48" />
      <source>Reopen</source>
      <translation>Wieder öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="49" />
      <source>Tag…</source>
      <translation>Schlagwort …</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="50" />
      <source>Add note…</source>
      <translation>Notiz hinzufügen …</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="51" />
      <source>PV decision…</source>
      <translation>PV-Entscheidung …</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="52" />
      <source>New PV case from message</source>
      <translation>Neuer PV-Fall aus Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="53" />
      <source>Hide comment on the channel</source>
      <translation>Kommentar im Kanal ausblenden</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="54" />
      <source>Reply</source>
      <translation>Antworten</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="55" />
      <source>Undo last action</source>
      <translation>Letzte Aktion rückgängig</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="56" />
      <source>My queue</source>
      <translation>Meine Warteschlange</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="57" />
      <source>Unassigned</source>
      <translation>Nicht zugewiesen</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="58" />
      <source>PV review</source>
      <translation>PV-Prüfung</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="59" />
      <source>Waiting</source>
      <translation>Wartend</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="60" />
      <source>Done</source>
      <translation>Erledigt</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="61" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="62" />
      <source>Save filter…</source>
      <translation>Filter speichern …</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="63" />
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="64" />
      <source>Template library</source>
      <translation>Vorlagenbibliothek</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="65" />
      <source>Dashboard</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="66" />
      <source>Channel accounts</source>
      <translation>Kanalkonten</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="67" />
      <source>Lock desk</source>
      <translation>Desk sperren</translation>
    </message>
    <message>
      <location filename="../../ui/shortcuts.py" line="68" />
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
  </context>
  <context>
    <name>SourcesSection</name>
    <message>
      <location filename="../../ui/pv/sources.py" line="18" />
      <source>Sources (as received; cannot be changed)</source>
      <translation>Quellen (wie eingegangen; nicht änderbar)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/sources.py" line="30" />
      <source>Message %1 — %2 on %3</source>
      <translation>Nachricht %1 — %2 auf %3</translation>
    </message>
    <message>
      <location filename="../../ui/pv/sources.py" line="40" />
      <source>Permalink: %1
Written: %2   Received: %3   Added to case: %4
sha256: %5</source>
      <translation>Permalink: %1
Geschrieben: %2   Eingegangen: %3   Zum Fall hinzugefügt: %4
sha256: %5</translation>
    </message>
  </context>
  <context>
    <name>SyncScheduler</name>
    <message>
      <location filename="../../ui/accounts/sync_scheduler.py" line="176" />
      <source>internal error (%1); see the log</source>
      <translation>interner Fehler (%1); siehe Protokoll</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/sync_scheduler.py" line="228" />
      <source>Sync paused while the desk is locked</source>
      <translation>Synchronisierung pausiert, solange der Desk gesperrt ist</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/sync_scheduler.py" line="231" />
      <source>Syncing %1: %2 fetched</source>
      <translation>%1 wird synchronisiert: %2 abgerufen</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/sync_scheduler.py" line="232" />
      <source>Syncing %1…</source>
      <translation>%1 wird synchronisiert …</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/sync_scheduler.py" line="234" />
      <source>Monitoring gap: %1</source>
      <translation>Überwachungslücke: %1</translation>
    </message>
    <message>
      <location filename="../../ui/accounts/sync_scheduler.py" line="236" />
      <source>Sync: checking the accounts…</source>
      <translation>Synchronisierung: Konten werden geprüft …</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/accounts/sync_scheduler.py" line="242" />
      <source>Sync: %n account(s) need attention</source>
      <translation>
        <numerusform>Synchronisierung: %n Konto erfordert Aufmerksamkeit</numerusform>
        <numerusform>Synchronisierung: %n Konten erfordern Aufmerksamkeit</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/accounts/sync_scheduler.py" line="244" />
      <source>Sync: no active channel accounts</source>
      <translation>Synchronisierung: keine aktiven Kanalkonten</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/accounts/sync_scheduler.py" line="245" />
      <source>Sync OK: %n account(s)</source>
      <translation>
        <numerusform>Synchronisierung OK: %n Konto</numerusform>
        <numerusform>Synchronisierung OK: %n Konten</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TagChips</name>
    <message>
      <location filename="../../ui/author/notes.py" line="40" />
      <source>Add a tag…</source>
      <translation>Schlagwort hinzufügen …</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="41" />
      <source>New tag</source>
      <translation>Neues Schlagwort</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="43" />
      <source>Add tag</source>
      <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="73" />
      <source>Remove tag %1</source>
      <translation>Schlagwort %1 entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/author/notes.py" line="74" />
      <source>Remove this tag</source>
      <translation>Dieses Schlagwort entfernen</translation>
    </message>
  </context>
  <context>
    <name>TemplateLibrary</name>
    <message>
      <location filename="../../ui/templates/library.py" line="74" />
      <source>Reply templates</source>
      <translation>Antwortvorlagen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="85" />
      <source>All languages</source>
      <translation>Alle Sprachen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="86" />
      <source>German</source>
      <translation>Deutsch</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="87" />
      <source>English</source>
      <translation>Englisch</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="98" />
      <source>Placeholders: </source>
      <translation>Platzhalter: </translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="107" />
      <source>New</source>
      <translation>Neu</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="108" />
      <source>Save draft</source>
      <translation>Entwurf speichern</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="109" />
      <source>Approve…</source>
      <translation>Freigeben …</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="110" />
      <source>Retire</source>
      <translation>Zurückziehen</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="111" />
      <source>Import…</source>
      <translation>Importieren …</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="112" />
      <source>Export…</source>
      <translation>Exportieren …</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="125" />
      <source>Name:</source>
      <translation>Name:</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="126" />
      <source>Category:</source>
      <translation>Kategorie:</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="127" />
      <source>Language:</source>
      <translation>Sprache:</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="128" />
      <source>Text:</source>
      <translation>Text:</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="129" />
      <source>Versions:</source>
      <translation>Versionen:</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="181" />
      <source> (not sendable)</source>
      <translation> (nicht sendbar)</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="230" />
      <source>new draft</source>
      <translation>neuer Entwurf</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="244" />
      <source>Draft saved.</source>
      <translation>Entwurf gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="251" />
      <source>Template created as a draft.</source>
      <translation>Vorlage als Entwurf angelegt.</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="271" />
      <source>Approved.</source>
      <translation>Freigegeben.</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="278" />
      <source>Retired: it can no longer be sent.</source>
      <translation>Zurückgezogen: Die Vorlage kann nicht mehr gesendet werden.</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="281" />
      <source>Import templates</source>
      <translation>Vorlagen importieren</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/templates/library.py" line="299" />
      <source>%n template(s) imported.</source>
      <translation>
        <numerusform>%n Vorlage importiert.</numerusform>
        <numerusform>%n Vorlagen importiert.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="302" />
      <source>Export templates</source>
      <translation>Vorlagen exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="312" />
      <source>Library exported to {name}.</source>
      <translation>Bibliothek nach {name} exportiert.</translation>
    </message>
    <message>
      <location filename="../../ui/templates/library.py" line="322" />
      <source>Saving templates</source>
      <translation>Vorlagen werden gespeichert</translation>
    </message>
  </context>
  <context>
    <name>TemplatePicker</name>
    <message>
      <location filename="../../ui/templates/picker.py" line="26" />
      <source>Search templates by name, tag or text</source>
      <translation>Vorlagen nach Name, Schlagwort oder Text durchsuchen</translation>
    </message>
  </context>
  <context>
    <name>ThreadView</name>
    <message numerus="yes">
      <location filename="../../ui/message/thread_view.py" line="101" />
      <source>… %n earlier message(s) not shown</source>
      <translation>
        <numerusform>… %n frühere Nachricht nicht angezeigt</numerusform>
        <numerusform>… %n frühere Nachrichten nicht angezeigt</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/message/thread_view.py" line="126" />
      <source>… %n later message(s) not shown</source>
      <translation>
        <numerusform>… %n spätere Nachricht nicht angezeigt</numerusform>
        <numerusform>… %n spätere Nachrichten nicht angezeigt</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="134" />
      <source>unknown author</source>
      <translation>unbekannter Autor</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="136" />
      <source>Our post ({author})</source>
      <translation>Unser Beitrag ({author})</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="136" />
      <source>Our post</source>
      <translation>Unser Beitrag</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="139" />
      <source>Our reply ({author})</source>
      <translation>Unsere Antwort ({author})</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="139" />
      <source>Our reply</source>
      <translation>Unsere Antwort</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="141" />
      <source>{reply}, sent by {agent}</source>
      <translation>{reply}, gesendet von {agent}</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="143" />
      <source>Post ({author})</source>
      <translation>Beitrag ({author})</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="146" />
      <source>this message</source>
      <translation>diese Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/message/thread_view.py" line="148" />
      <source>deleted on the channel</source>
      <translation>im Kanal gelöscht</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <location filename="../../ui/author/timeline.py" line="140" />
      <source>Messages of this person</source>
      <translation>Nachrichten dieser Person</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message>
      <location filename="../../ui/author/timeline.py" line="88" />
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="88" />
      <location filename="../../ui/author/timeline.py" line="107" />
      <source>PV</source>
      <translation>PV</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="88" />
      <source>Message</source>
      <translation>Nachricht</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="91" />
      <source>Channel</source>
      <translation>Kanal</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="92" />
      <source>Mood</source>
      <translation>Stimmung</translation>
    </message>
    <message>
      <location filename="../../ui/author/timeline.py" line="93" />
      <source>Suspected adverse event (pharmacovigilance)</source>
      <translation>Verdacht auf Nebenwirkung (Pharmakovigilanz)</translation>
    </message>
  </context>
  <context>
    <name>TriageActions</name>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="36" />
      <source>Assigning</source>
      <translation>Wird zugewiesen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="39" />
      <source>Changing status</source>
      <translation>Status wird geändert</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="42" />
      <source>Tagging</source>
      <translation>Schlagwort wird gesetzt</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="45" />
      <source>Adding note</source>
      <translation>Notiz wird gespeichert</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="49" />
      <source>Recording PV decision</source>
      <translation>PV-Entscheidung wird erfasst</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="53" />
      <source>Queueing hide</source>
      <translation>Ausblenden wird vorgemerkt</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="56" />
      <source>Undoing</source>
      <translation>Wird rückgängig gemacht</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="67" />
      <source>Assign</source>
      <translation>Zuweisen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="67" />
      <source>Assign to:</source>
      <translation>Zuweisen an:</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="71" />
      <source>Tag</source>
      <translation>Schlagwort</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="71" />
      <source>Tag:</source>
      <translation>Schlagwort:</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="78" />
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="78" />
      <source>Note:</source>
      <translation>Notiz:</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="87" />
      <source>PV decision</source>
      <translation>PV-Entscheidung</translation>
    </message>
    <message>
      <location filename="../../ui/queue/triage_actions.py" line="87" />
      <source>Why is this an adverse event?</source>
      <translation>Warum ist das ein unerwünschtes Arzneimittelereignis?</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="131" />
      <source>Assigned %n message(s)</source>
      <translation>
        <numerusform>%n Nachricht zugewiesen</numerusform>
        <numerusform>%n Nachrichten zugewiesen</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="132" />
      <source>Changed the status of %n message(s)</source>
      <translation>
        <numerusform>Status von %n Nachricht geändert</numerusform>
        <numerusform>Status von %n Nachrichten geändert</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="133" />
      <source>Recorded the PV decision for %n message(s)</source>
      <translation>
        <numerusform>PV-Entscheidung für %n Nachricht erfasst</numerusform>
        <numerusform>PV-Entscheidung für %n Nachrichten erfasst</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="134" />
      <source>Tagged %n message(s)</source>
      <translation>
        <numerusform>Schlagwort bei %n Nachricht gesetzt</numerusform>
        <numerusform>Schlagwort bei %n Nachrichten gesetzt</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="135" />
      <source>Removed the tag from %n message(s)</source>
      <translation>
        <numerusform>Schlagwort von %n Nachricht entfernt</numerusform>
        <numerusform>Schlagwort von %n Nachrichten entfernt</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="136" />
      <source>Added a note to %n message(s)</source>
      <translation>
        <numerusform>Notiz zu %n Nachricht hinzugefügt</numerusform>
        <numerusform>Notiz zu %n Nachrichten hinzugefügt</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="137" />
      <source>Queued hiding of %n message(s)</source>
      <translation>
        <numerusform>Ausblenden von %n Nachricht vorgemerkt</numerusform>
        <numerusform>Ausblenden von %n Nachrichten vorgemerkt</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="138" />
      <source>Undid the last action on %n message(s)</source>
      <translation>
        <numerusform>Letzte Aktion an %n Nachricht rückgängig gemacht</numerusform>
        <numerusform>Letzte Aktion an %n Nachrichten rückgängig gemacht</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/queue/triage_actions.py" line="140" />
      <source>Changed %n message(s)</source>
      <translation>
        <numerusform>%n Nachricht geändert</numerusform>
        <numerusform>%n Nachrichten geändert</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TriageDialogs</name>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="168" />
      <source>Assign</source>
      <translation>Zuweisen</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="169" />
      <source>Assign the selected messages to:</source>
      <translation>Ausgewählte Nachrichten zuweisen an:</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="179" />
      <source>Tag</source>
      <translation>Schlagwort</translation>
    </message>
    <message>
      <location filename="../../ui/triage/dialogs.py" line="180" />
      <source>Tag:</source>
      <translation>Schlagwort:</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <location filename="../../ui/desk_life/unlock.py" line="20" />
      <source>Unlock desk</source>
      <translation>Desk entsperren</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/unlock.py" line="22" />
      <source>Enter the passphrase of %1</source>
      <translation>Passphrase für %1 eingeben</translation>
    </message>
    <message>
      <location filename="../../ui/desk_life/unlock.py" line="35" />
      <source>Unlock</source>
      <translation>Entsperren</translation>
    </message>
  </context>
  <context>
    <name>ValidityPanel</name>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="18" />
      <source>Identifiable reporter</source>
      <translation>Identifizierbarer Meldender</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="19" />
      <source>Identifiable patient</source>
      <translation>Identifizierbarer Patient</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="20" />
      <source>Suspect product</source>
      <translation>Verdächtiges Arzneimittel</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="21" />
      <source>Adverse event</source>
      <translation>Verdacht auf Nebenwirkung</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="41" />
      <source>%1: “%2”</source>
      <translation>%1: „%2“</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="45" />
      <source>missing: %1</source>
      <translation>fehlt: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="53" />
      <source>Minimum criteria (valid case)</source>
      <translation>Mindestkriterien (gültiger Fall)</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="83" />
      <source>%1: met</source>
      <translation>%1: erfüllt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="83" />
      <source>%1: missing</source>
      <translation>%1: fehlt</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="88" />
      <source>Valid: all four minimum criteria are met.</source>
      <translation>Gültig: Alle vier Mindestkriterien sind erfüllt.</translation>
    </message>
    <message>
      <location filename="../../ui/pv/validity_panel.py" line="90" />
      <source>Not valid yet: %1 of 4 criteria met.</source>
      <translation>Noch nicht gültig: %1 von 4 Kriterien erfüllt.</translation>
    </message>
  </context>
  <context>
    <name>ViewsPanel</name>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="62" />
      <source>My queue</source>
      <translation>Meine Warteschlange</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="63" />
      <source>Unassigned</source>
      <translation>Nicht zugewiesen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="64" />
      <source>PV review</source>
      <translation>PV-Prüfung</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="65" />
      <source>Waiting</source>
      <translation>Wartend</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="66" />
      <source>Done</source>
      <translation>Erledigt</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="67" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="148" />
      <source>Views</source>
      <translation>Ansichten</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="152" />
      <source>Channels</source>
      <translation>Kanäle</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="164" />
      <source>Saved filters</source>
      <translation>Gespeicherte Filter</translation>
    </message>
    <message>
      <location filename="../../ui/queue/views_panel.py" line="213" />
      <source>Delete saved filter</source>
      <translation>Gespeicherten Filter löschen</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>--messages must be at least 1</source>
      <translation>--messages muss mindestens 1 sein</translation>
    </message>
    <message>
      <source>--now needs a time zone, e.g. +00:00</source>
      <translation>--now braucht eine Zeitzone, z. B. +00:00</translation>
    </message>
    <message>
      <source>--now {now!r} is not an ISO 8601 time</source>
      <translation>--now {now!r} ist keine Zeitangabe nach ISO 8601</translation>
    </message>
    <message>
      <source>--to must not be before --from</source>
      <translation>--to darf nicht vor --from liegen</translation>
    </message>
    <message>
      <source>A Messenger reply needs the person's id; it is missing.</source>
      <translation>Für eine Messenger-Antwort fehlt die ID der Person.</translation>
    </message>
    <message>
      <source>An E2B batch needs at least one case.</source>
      <translation>Ein E2B-Paket braucht mindestens einen Fall.</translation>
    </message>
    <message>
      <source>Case {case}: the age unit {age_unit!r} is not a UCUM age unit.</source>
      <translation>Fall {case}: Die Altersangabe {age_unit!r} ist keine UCUM-Alterseinheit.</translation>
    </message>
    <message>
      <source>Could not connect to the channel (network down or connection reset).</source>
      <translation>Keine Verbindung zum Kanal (Netzwerk nicht erreichbar oder Verbindung zurückgesetzt).</translation>
    </message>
    <message>
      <source>E-mail cannot hide comments.</source>
      <translation>Per E-Mail lassen sich keine Kommentare ausblenden.</translation>
    </message>
    <message>
      <source>E-mail cannot post replies.</source>
      <translation>Per E-Mail lassen sich keine Antworten posten.</translation>
    </message>
    <message>
      <source>E-mail cannot send private replies.</source>
      <translation>Per E-Mail lassen sich keine privaten Antworten senden.</translation>
    </message>
    <message>
      <source>E-mail cannot send this e-mail.</source>
      <translation>Diese E-Mail lässt sich nicht senden.</translation>
    </message>
    <message>
      <source>E-mail cannot set a moderation status.</source>
      <translation>Per E-Mail lässt sich kein Moderationsstatus setzen.</translation>
    </message>
    <message>
      <source>E-mail cannot unhide comments.</source>
      <translation>Per E-Mail lassen sich keine Kommentare wieder einblenden.</translation>
    </message>
    <message>
      <source>MedDRA is not loaded in {language}; loaded: {loaded}</source>
      <translation>MedDRA ist in {language} nicht geladen; geladen: {loaded}</translation>
    </message>
    <message>
      <source>PV case {case_id} does not exist</source>
      <translation>PV-Fall {case_id} existiert nicht</translation>
    </message>
    <message>
      <source>The API key for {host} is no longer valid; reconnect the account. ({message})</source>
      <translation>Der API-Schlüssel für {host} ist nicht mehr gültig; verbinden Sie das Konto neu. ({message})</translation>
    </message>
    <message>
      <source>The E2B export needs times with a time zone.</source>
      <translation>Der E2B-Export braucht Zeitangaben mit Zeitzone.</translation>
    </message>
    <message>
      <source>The E2B sender identifier is empty; set the company name in the settings.</source>
      <translation>Die E2B-Absenderkennung ist leer; tragen Sie den Firmennamen in den Einstellungen ein.</translation>
    </message>
    <message>
      <source>The channel answered with an unexpected shape (no data list).</source>
      <translation>Der Kanal hat in unerwarteter Form geantwortet (keine data-Liste).</translation>
    </message>
    <message>
      <source>The channel did not answer in time; will try again.</source>
      <translation>Der Kanal hat nicht rechtzeitig geantwortet; neuer Versuch folgt.</translation>
    </message>
    <message>
      <source>The channel is throttling us: {message}</source>
      <translation>Der Kanal drosselt die Anfragen: {message}</translation>
    </message>
    <message>
      <source>The channel kept failing after several retries; will try again.</source>
      <translation>Der Kanal ist auch nach mehreren Versuchen fehlgeschlagen; neuer Versuch folgt.</translation>
    </message>
    <message>
      <source>The channel sent a paging link to another host; not following it.</source>
      <translation>Der Kanal hat einen Seitenlink zu einem anderen Host geschickt; er wird nicht verfolgt.</translation>
    </message>
    <message>
      <source>The comment to act on has no Instagram id.</source>
      <translation>Der betroffene Kommentar hat keine Instagram-ID.</translation>
    </message>
    <message>
      <source>The comment to act on has no YouTube id.</source>
      <translation>Der betroffene Kommentar hat keine YouTube-ID.</translation>
    </message>
    <message>
      <source>The connection to {host} expired or was revoked; reconnect the account. ({message})</source>
      <translation>Die Verbindung zu {host} ist abgelaufen oder wurde widerrufen; verbinden Sie das Konto neu. ({message})</translation>
    </message>
    <message>
      <source>The daily API quota is used up; it resets at midnight Pacific time. ({message})</source>
      <translation>Das tägliche API-Kontingent ist aufgebraucht; es wird um Mitternacht pazifischer Zeit zurückgesetzt. ({message})</translation>
    </message>
    <message>
      <source>The forum answered with an unexpected shape (no latest_posts).</source>
      <translation>Das Forum hat in unerwarteter Form geantwortet (kein latest_posts).</translation>
    </message>
    <message>
      <source>The forum answered with an unexpected shape (no post_stream).</source>
      <translation>Das Forum hat in unerwarteter Form geantwortet (kein post_stream).</translation>
    </message>
    <message>
      <source>The forum answered with an unexpected shape (no topic_list).</source>
      <translation>Das Forum hat in unerwarteter Form geantwortet (keine topic_list).</translation>
    </message>
    <message>
      <source>The forum post to answer has no topic id.</source>
      <translation>Der zu beantwortende Forumsbeitrag hat keine Themen-ID.</translation>
    </message>
    <message>
      <source>The message to act on has no Facebook id.</source>
      <translation>Die betroffene Nachricht hat keine Facebook-ID.</translation>
    </message>
    <message>
      <source>The request to the channel failed ({error_type}).</source>
      <translation>Die Anfrage an den Kanal ist fehlgeschlagen ({error_type}).</translation>
    </message>
    <message>
      <source>This account has no access token; connect it first.</source>
      <translation>Dieses Konto hat kein Zugriffstoken; verbinden Sie es zuerst.</translation>
    </message>
    <message>
      <source>This forum account has no API key; connect it first.</source>
      <translation>Dieses Forumkonto hat keinen API-Schlüssel; verbinden Sie es zuerst.</translation>
    </message>
    <message>
      <source>Too many requests to {host}; waiting as asked.</source>
      <translation>Zu viele Anfragen an {host}; es wird wie verlangt gewartet.</translation>
    </message>
    <message>
      <source>Too many requests: {message}</source>
      <translation>Zu viele Anfragen: {message}</translation>
    </message>
    <message>
      <source>YouTube answered with an unexpected shape (no items list).</source>
      <translation>YouTube hat in unerwarteter Form geantwortet (keine items-Liste).</translation>
    </message>
    <message>
      <source>YouTube knows no channel {channel_id}.</source>
      <translation>YouTube kennt keinen Kanal {channel_id}.</translation>
    </message>
    <message>
      <source>YouTube moderation status must be one of {statuses}.</source>
      <translation>Der YouTube-Moderationsstatus muss einer von {statuses} sein.</translation>
    </message>
    <message>
      <source>a case cannot be a follow-up of itself</source>
      <translation>Ein Fall kann keine Nachverfolgung von sich selbst sein</translation>
    </message>
    <message>
      <source>a file import has no setting {key!r}; it accepts: {allowed}</source>
      <translation>Ein Dateiimport hat keine Einstellung {key!r}; möglich sind: {allowed}</translation>
    </message>
    <message>
      <source>a file import needs the setting(s): {missing}</source>
      <translation>Ein Dateiimport braucht die Einstellung(en): {missing}</translation>
    </message>
    <message>
      <source>a follow-up outcome is 'answered' or 'no_answer'</source>
      <translation>Das Ergebnis einer Nachverfolgung ist 'answered' oder 'no_answer'</translation>
    </message>
    <message>
      <source>a note holds at most {limit} characters ({given} given)</source>
      <translation>Eine Notiz fasst höchstens {limit} Zeichen ({given} eingegeben)</translation>
    </message>
    <message>
      <source>a note needs text</source>
      <translation>Eine Notiz braucht einen Text</translation>
    </message>
    <message>
      <source>a reply needs text</source>
      <translation>Eine Antwort braucht einen Text</translation>
    </message>
    <message>
      <source>a tag is at most {limit} characters long</source>
      <translation>Ein Schlagwort ist höchstens {limit} Zeichen lang</translation>
    </message>
    <message>
      <source>a tag needs a name</source>
      <translation>Ein Schlagwort braucht einen Namen</translation>
    </message>
    <message>
      <source>a template needs a name and a text</source>
      <translation>Eine Vorlage braucht einen Namen und einen Text</translation>
    </message>
    <message>
      <source>a template needs a text</source>
      <translation>Eine Vorlage braucht einen Text</translation>
    </message>
    <message>
      <source>a {channel} account has no setting {key!r}; it accepts: {allowed}</source>
      <translation>Ein {channel}-Konto hat keine Einstellung {key!r}; möglich sind: {allowed}</translation>
    </message>
    <message>
      <source>a {channel} account needs the setting(s): {missing}</source>
      <translation>Ein {channel}-Konto braucht die Einstellung(en): {missing}</translation>
    </message>
    <message>
      <source>a {language} template named {name!r} exists already</source>
      <translation>Eine Vorlage ({language}) namens {name!r} gibt es bereits</translation>
    </message>
    <message>
      <source>an account named {name!r} already exists</source>
      <translation>Ein Konto namens {name!r} gibt es bereits</translation>
    </message>
    <message>
      <source>an account needs a name</source>
      <translation>Ein Konto braucht einen Namen</translation>
    </message>
    <message>
      <source>an agent needs a name</source>
      <translation>Zuständige Personen brauchen einen Namen</translation>
    </message>
    <message>
      <source>an attachment must be an object with a path or data</source>
      <translation>Ein Anhang muss ein Objekt mit Pfad oder Daten sein</translation>
    </message>
    <message>
      <source>an attachment needs a path or base64 data</source>
      <translation>Ein Anhang braucht einen Pfad oder Base64-Daten</translation>
    </message>
    <message>
      <source>an e-mail account has no setting {key!r}; it accepts: {allowed}</source>
      <translation>Ein E-Mail-Konto hat keine Einstellung {key!r}; möglich sind: {allowed}</translation>
    </message>
    <message>
      <source>an e-mail account needs the setting {setting}</source>
      <translation>Ein E-Mail-Konto braucht die Einstellung {setting}</translation>
    </message>
    <message>
      <source>an e-mail account needs the setting(s): {missing}</source>
      <translation>Ein E-Mail-Konto braucht die Einstellung(en): {missing}</translation>
    </message>
    <message>
      <source>an e-mail needs a recipient ('to')</source>
      <translation>Eine E-Mail braucht einen Empfänger ('to')</translation>
    </message>
    <message>
      <source>an outbox item needs a message or an account</source>
      <translation>Ein Eintrag im Postausgang braucht eine Nachricht oder ein Konto</translation>
    </message>
    <message>
      <source>approval needs the review reference (e.g. the medical-legal review number)</source>
      <translation>Die Freigabe braucht die Prüfreferenz (z. B. die Nummer der medizinisch-rechtlichen Prüfung)</translation>
    </message>
    <message>
      <source>cannot attach {path}: {reason}</source>
      <translation>{path} kann nicht angehängt werden: {reason}</translation>
    </message>
    <message>
      <source>cannot reach the mail server {host}: {reason}</source>
      <translation>Der Mailserver {host} ist nicht erreichbar: {reason}</translation>
    </message>
    <message>
      <source>cannot read {path}: {reason}</source>
      <translation>{path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
      <source>case {case} is already ready to forward</source>
      <translation>Fall {case} ist bereits als bereit zur Weiterleitung markiert</translation>
    </message>
    <message>
      <source>case {case} is closed as invalid; it can no longer be changed</source>
      <translation>Fall {case} ist als ungültig abgeschlossen; er kann nicht mehr geändert werden</translation>
    </message>
    <message>
      <source>case {case} is closed; open it again as a new case</source>
      <translation>Fall {case} ist abgeschlossen; öffnen Sie ihn erneut als neuen Fall</translation>
    </message>
    <message>
      <source>case {case} is not forwarded yet; forward it first</source>
      <translation>Fall {case} ist noch nicht weitergeleitet; leiten Sie ihn zuerst weiter</translation>
    </message>
    <message>
      <source>case {case} is not valid yet; missing: {missing}</source>
      <translation>Fall {case} ist noch nicht gültig; es fehlt: {missing}</translation>
    </message>
    <message>
      <source>case {case} is still a draft; mark it as ready first</source>
      <translation>Fall {case} ist noch ein Entwurf; markieren Sie ihn zuerst als bereit</translation>
    </message>
    <message>
      <source>case {case} was already acknowledged by drug safety; it can no longer be changed</source>
      <translation>Fall {case} wurde von der Arzneimittelsicherheit bereits bestätigt; er kann nicht mehr geändert werden</translation>
    </message>
    <message>
      <source>case {case} was already forwarded to drug safety; it can no longer be changed</source>
      <translation>Fall {case} wurde bereits an die Arzneimittelsicherheit weitergeleitet; er kann nicht mehr geändert werden</translation>
    </message>
    <message>
      <source>choose at least one message to open a case from</source>
      <translation>Wählen Sie mindestens eine Nachricht, aus der ein Fall angelegt wird</translation>
    </message>
    <message>
      <source>cmdesk has no connector for channel kind {kind!r}</source>
      <translation>cmdesk hat keine Anbindung für die Kanalart {kind!r}</translation>
    </message>
    <message>
      <source>configure an e-mail account first: cases are sent to drug safety by e-mail</source>
      <translation>Richten Sie zuerst ein E-Mail-Konto ein: Fälle gehen per E-Mail an die Arzneimittelsicherheit</translation>
    </message>
    <message>
      <source>day 0 cannot be in the future</source>
      <translation>Tag 0 darf nicht in der Zukunft liegen</translation>
    </message>
    <message>
      <source>day 0 needs a time zone</source>
      <translation>Tag 0 braucht eine Zeitzone</translation>
    </message>
    <message>
      <source>enter drug safety's e-mail address (setting pv_safety_inbox)</source>
      <translation>Geben Sie die E-Mail-Adresse der Arzneimittelsicherheit ein (Einstellung pv_safety_inbox)</translation>
    </message>
    <message>
      <source>enter the case number drug safety gave this case</source>
      <translation>Geben Sie die Fallnummer ein, die die Arzneimittelsicherheit vergeben hat</translation>
    </message>
    <message>
      <source>every event needs the reporter's words</source>
      <translation>Jedes Ereignis braucht den Wortlaut der meldenden Person</translation>
    </message>
    <message>
      <source>every product needs a name</source>
      <translation>Jedes Produkt braucht einen Namen</translation>
    </message>
    <message>
      <source>forward by 'email' or 'folder'</source>
      <translation>Weiterleiten per 'email' oder 'folder'</translation>
    </message>
    <message>
      <source>give a reason why these messages are not PV-relevant</source>
      <translation>Geben Sie an, warum diese Nachrichten nicht PV-relevant sind</translation>
    </message>
    <message>
      <source>give a reason why these messages are not adverse events</source>
      <translation>Geben Sie an, warum diese Nachrichten keine unerwünschten Ereignisse sind</translation>
    </message>
    <message>
      <source>give the new passphrase with --new-passphrase-stdin or CMDESK_NEW_PASSPHRASE</source>
      <translation>Geben Sie die neue Passphrase mit --new-passphrase-stdin oder CMDESK_NEW_PASSPHRASE an</translation>
    </message>
    <message>
      <source>imap_port and smtp_port must be numbers</source>
      <translation>imap_port und smtp_port müssen Zahlen sein</translation>
    </message>
    <message>
      <source>mapping entries look like field=column, not {part!r}</source>
      <translation>Zuordnungen haben die Form feld=spalte, nicht {part!r}</translation>
    </message>
    <message>
      <source>message {message_id} already belongs to case {reference}</source>
      <translation>Nachricht {message_id} gehört bereits zu Fall {reference}</translation>
    </message>
    <message>
      <source>message {message_id} belongs to a PV case; close the case instead</source>
      <translation>Nachricht {message_id} gehört zu einem PV-Fall; schließen Sie stattdessen den Fall ab</translation>
    </message>
    <message>
      <source>message {message_id} does not exist</source>
      <translation>Nachricht {message_id} existiert nicht</translation>
    </message>
    <message>
      <source>message {message_id} was written by another person than case {case}</source>
      <translation>Nachricht {message_id} stammt von einer anderen Person als Fall {case}</translation>
    </message>
    <message>
      <source>moderation means hide or unhide</source>
      <translation>Moderieren heißt ausblenden oder wieder einblenden</translation>
    </message>
    <message>
      <source>name the folder to write the case files into</source>
      <translation>Geben Sie den Ordner an, in den die Falldateien geschrieben werden</translation>
    </message>
    <message>
      <source>no MedDRA release is loaded; load one with 'cmdesk meddra load DIR'</source>
      <translation>Es ist keine MedDRA-Version geladen; laden Sie eine mit 'cmdesk meddra load DIR'</translation>
    </message>
    <message>
      <source>no OS keyring is available here; create the store with a passphrase: `cmdesk init --mode passphrase --passphrase-stdin` or set CMDESK_PASSPHRASE</source>
      <translation>Hier ist kein Schlüsselbund des Betriebssystems verfügbar; legen Sie die Desk-Datei mit Passphrase an: `cmdesk init --mode passphrase --passphrase-stdin` oder setzen Sie CMDESK_PASSPHRASE</translation>
    </message>
    <message>
      <source>no OS keyring is available on this machine to hold the store key; use a passphrase instead (CMDESK_PASSPHRASE, --passphrase-stdin or --passphrase mode)</source>
      <translation>Auf diesem Rechner ist kein Schlüsselbund des Betriebssystems für den Schlüssel der Desk-Datei verfügbar; verwenden Sie stattdessen eine Passphrase (CMDESK_PASSPHRASE, --passphrase-stdin oder Modus --passphrase)</translation>
    </message>
    <message>
      <source>no OS keyring is available to hold channel secrets; unlock or install a keyring (Secret Service)</source>
      <translation>Kein Schlüsselbund des Betriebssystems für die Zugangsdaten der Kanäle verfügbar; entsperren oder installieren Sie einen (Secret Service)</translation>
    </message>
    <message>
      <source>no follow-up was requested for case {case}</source>
      <translation>Für Fall {case} wurde keine Nachverfolgung angefordert</translation>
    </message>
    <message>
      <source>no password stored for {login}; set it with 'cmdesk accounts secret'</source>
      <translation>Für {login} ist kein Passwort gespeichert; setzen Sie es mit 'cmdesk accounts secret'</translation>
    </message>
    <message>
      <source>not a cmdesk template library (expected format {expected!r})</source>
      <translation>Keine cmdesk-Vorlagenbibliothek (erwartet wird das Format {expected!r})</translation>
    </message>
    <message>
      <source>not valid JSON ({reason})</source>
      <translation>Kein gültiges JSON ({reason})</translation>
    </message>
    <message>
      <source>one case holds messages of one person; these messages have different authors</source>
      <translation>Ein Fall enthält Nachrichten einer einzigen Person; diese Nachrichten haben verschiedene Autoren</translation>
    </message>
    <message>
      <source>outbox item {outbox_id} failed, not waiting for verification; retry it instead</source>
      <translation>Postausgangseintrag {outbox_id} ist fehlgeschlagen und wartet nicht auf Prüfung; versuchen Sie ihn stattdessen erneut</translation>
    </message>
    <message>
      <source>outbox item {outbox_id} is being sent right now, not waiting for verification</source>
      <translation>Postausgangseintrag {outbox_id} wird gerade gesendet und wartet nicht auf Prüfung</translation>
    </message>
    <message>
      <source>outbox item {outbox_id} is being sent right now; only failed or unknown items are retried</source>
      <translation>Postausgangseintrag {outbox_id} wird gerade gesendet; nur fehlgeschlagene oder ungeklärte Einträge werden wiederholt</translation>
    </message>
    <message>
      <source>outbox item {outbox_id} is still waiting to be sent, not waiting for verification</source>
      <translation>Postausgangseintrag {outbox_id} wartet noch auf den Versand und nicht auf Prüfung</translation>
    </message>
    <message>
      <source>outbox item {outbox_id} is still waiting to be sent; only failed or unknown items are retried</source>
      <translation>Postausgangseintrag {outbox_id} wartet noch auf den Versand; nur fehlgeschlagene oder ungeklärte Einträge werden wiederholt</translation>
    </message>
    <message>
      <source>outbox item {outbox_id} was sent already, not waiting for verification</source>
      <translation>Postausgangseintrag {outbox_id} wurde bereits gesendet und wartet nicht auf Prüfung</translation>
    </message>
    <message>
      <source>outbox item {outbox_id} was sent already; only failed or unknown items are retried</source>
      <translation>Postausgangseintrag {outbox_id} wurde bereits gesendet; nur fehlgeschlagene oder ungeklärte Einträge werden wiederholt</translation>
    </message>
    <message>
      <source>passphrase mode needs a passphrase (CMDESK_PASSPHRASE or --passphrase-stdin)</source>
      <translation>Der Passphrase-Modus braucht eine Passphrase (CMDESK_PASSPHRASE oder --passphrase-stdin)</translation>
    </message>
    <message>
      <source>say on which channel the follow-up was requested</source>
      <translation>Geben Sie an, über welchen Kanal die Nachverfolgung angefordert wurde</translation>
    </message>
    <message>
      <source>say why day 0 changes: it moves the reporting deadlines</source>
      <translation>Geben Sie an, warum sich Tag 0 ändert: Das verschiebt die Meldefristen</translation>
    </message>
    <message>
      <source>say why the case is closed as invalid</source>
      <translation>Geben Sie an, warum der Fall als ungültig abgeschlossen wird</translation>
    </message>
    <message>
      <source>security must be 'tls' or 'none'</source>
      <translation>security muss 'tls' oder 'none' sein</translation>
    </message>
    <message>
      <source>settings look like key=value, not {pair!r}</source>
      <translation>Einstellungen haben die Form schlüssel=wert, nicht {pair!r}</translation>
    </message>
    <message>
      <source>sla_hours has an unknown message class {key!r}; use one of {known}.</source>
      <translation>sla_hours enthält die unbekannte Nachrichtenart {key!r}; erlaubt sind {known}.</translation>
    </message>
    <message>
      <source>sla_hours[{key!r}] must be a positive number of hours.</source>
      <translation>sla_hours[{key!r}] muss eine positive Zahl von Stunden sein.</translation>
    </message>
    <message>
      <source>sync_interval_s must be at least {minimum} seconds (channels rate-limit)</source>
      <translation>sync_interval_s muss mindestens {minimum} Sekunden betragen (die Kanäle begrenzen die Anfragen)</translation>
    </message>
    <message>
      <source>template language must be 'de' or 'en', not {language!r}</source>
      <translation>Die Sprache einer Vorlage muss 'de' oder 'en' sein, nicht {language!r}</translation>
    </message>
    <message>
      <source>template {name!r} has no approved version; it cannot be sent</source>
      <translation>Vorlage {name!r} hat keine freigegebene Fassung; sie kann nicht gesendet werden</translation>
    </message>
    <message>
      <source>template {name!r} has no draft to approve</source>
      <translation>Vorlage {name!r} hat keinen Entwurf zum Freigeben</translation>
    </message>
    <message>
      <source>template {name!r} is not approved for e-mail</source>
      <translation>Vorlage {name!r} ist für E-Mail nicht freigegeben</translation>
    </message>
    <message>
      <source>template {name!r} is not approved for imported messages</source>
      <translation>Vorlage {name!r} ist für importierte Nachrichten nicht freigegeben</translation>
    </message>
    <message>
      <source>template {name!r} is not approved for {channel}</source>
      <translation>Vorlage {name!r} ist für {channel} nicht freigegeben</translation>
    </message>
    <message>
      <source>template {number} in the file is incomplete or malformed ({reason})</source>
      <translation>Vorlage {number} in der Datei ist unvollständig oder fehlerhaft ({reason})</translation>
    </message>
    <message>
      <source>the CSV header has no column {column!r}; choose one with --text-field</source>
      <translation>Die CSV-Kopfzeile hat keine Spalte {column!r}; wählen Sie eine mit --text-field</translation>
    </message>
    <message>
      <source>the OS keyring could not be read ({error_type})</source>
      <translation>Der Schlüsselbund des Betriebssystems konnte nicht gelesen werden ({error_type})</translation>
    </message>
    <message>
      <source>the OS keyring holds no key for {label} (store id {store_id})</source>
      <translation>Der Schlüsselbund des Betriebssystems enthält keinen Schlüssel für {label} (Desk-ID {store_id})</translation>
    </message>
    <message>
      <source>the OS keyring refused the secret ({error_type})</source>
      <translation>Der Schlüsselbund des Betriebssystems hat die Zugangsdaten abgelehnt ({error_type})</translation>
    </message>
    <message>
      <source>the OS keyring refused to store the key ({error_type}); use a passphrase</source>
      <translation>Der Schlüsselbund des Betriebssystems hat das Speichern des Schlüssels abgelehnt ({error_type}); verwenden Sie eine Passphrase</translation>
    </message>
    <message>
      <source>the account {account!r} has stored messages and cannot be removed; pause it instead</source>
      <translation>Das Konto {account!r} hat gespeicherte Nachrichten und kann nicht entfernt werden; pausieren Sie es stattdessen</translation>
    </message>
    <message>
      <source>the approval of template {name!r} expired on {date:%Y-%m-%d}</source>
      <translation>Die Freigabe der Vorlage {name!r} ist am {date:%Y-%m-%d} abgelaufen</translation>
    </message>
    <message>
      <source>the approval's expiry date must lie in the future</source>
      <translation>Das Ablaufdatum der Freigabe muss in der Zukunft liegen</translation>
    </message>
    <message>
      <source>the connection to {host} broke: {reason}</source>
      <translation>Die Verbindung zu {host} ist abgebrochen: {reason}</translation>
    </message>
    <message>
      <source>the file has no column(s) {missing}; it has: {columns}</source>
      <translation>Der Datei fehlen die Spalte(n) {missing}; sie hat: {columns}</translation>
    </message>
    <message>
      <source>the key file {path} is unreadable ({error_type})</source>
      <translation>Die Schlüsseldatei {path} ist nicht lesbar ({error_type})</translation>
    </message>
    <message>
      <source>the key in the OS keyring does not open {label} (it belongs to another store)</source>
      <translation>Der Schlüssel im Schlüsselbund des Betriebssystems öffnet {label} nicht (er gehört zu einer anderen Desk-Datei)</translation>
    </message>
    <message>
      <source>the line is not a JSON object</source>
      <translation>Die Zeile ist kein JSON-Objekt</translation>
    </message>
    <message>
      <source>the mail server asks to retry later: {code}</source>
      <translation>Der Mailserver bittet um einen späteren Versuch: {code}</translation>
    </message>
    <message>
      <source>the mail server did not accept the e-mail: {code} {reply}</source>
      <translation>Der Mailserver hat die E-Mail nicht angenommen: {code} {reply}</translation>
    </message>
    <message>
      <source>the mail server did not accept the e-mail: {reason}</source>
      <translation>Der Mailserver hat die E-Mail nicht angenommen: {reason}</translation>
    </message>
    <message>
      <source>the mail server did not return message {uid}</source>
      <translation>Der Mailserver hat die Nachricht {uid} nicht geliefert</translation>
    </message>
    <message>
      <source>the mail server refused the login for {login}; enter the password again</source>
      <translation>Der Mailserver hat die Anmeldung für {login} abgelehnt; geben Sie das Passwort erneut ein</translation>
    </message>
    <message>
      <source>the mail server refused the recipient {recipients}</source>
      <translation>Der Mailserver hat den Empfänger {recipients} abgelehnt</translation>
    </message>
    <message>
      <source>the mail server refused to list messages: {reply}</source>
      <translation>Der Mailserver hat das Auflisten der Nachrichten abgelehnt: {reply}</translation>
    </message>
    <message>
      <source>the mailbox {mailbox!r} does not exist on {host}</source>
      <translation>Das Postfach {mailbox!r} gibt es auf {host} nicht</translation>
    </message>
    <message>
      <source>the mapping needs a text column (text=COLUMN); none could be guessed</source>
      <translation>Die Zuordnung braucht eine Textspalte (text=SPALTE); es ließ sich keine erraten</translation>
    </message>
    <message>
      <source>the secret is empty</source>
      <translation>Die Zugangsdaten sind leer</translation>
    </message>
    <message>
      <source>the setting {key} must be a whole number, not {given!r}</source>
      <translation>Die Einstellung {key} muss eine ganze Zahl sein, nicht {given!r}</translation>
    </message>
    <message>
      <source>the setting {key} must be positive</source>
      <translation>Die Einstellung {key} muss positiv sein</translation>
    </message>
    <message>
      <source>the setting {key} needs a value</source>
      <translation>Die Einstellung {key} braucht einen Wert</translation>
    </message>
    <message>
      <source>there are no PV cases to export</source>
      <translation>Es gibt keine PV-Fälle zum Exportieren</translation>
    </message>
    <message>
      <source>there is no author {author_id}</source>
      <translation>Es gibt keinen Autor {author_id}</translation>
    </message>
    <message>
      <source>there is no channel account {account!r}</source>
      <translation>Es gibt kein Kanalkonto {account!r}</translation>
    </message>
    <message>
      <source>there is no channel account {account_id}</source>
      <translation>Es gibt kein Kanalkonto {account_id}</translation>
    </message>
    <message>
      <source>there is no file {path}</source>
      <translation>Es gibt keine Datei {path}</translation>
    </message>
    <message>
      <source>there is no input file {path}</source>
      <translation>Es gibt keine Eingabedatei {path}</translation>
    </message>
    <message>
      <source>there is no merge suggestion {suggestion_id}</source>
      <translation>Es gibt keinen Zusammenführungsvorschlag {suggestion_id}</translation>
    </message>
    <message>
      <source>there is no message {message_id}</source>
      <translation>Es gibt keine Nachricht {message_id}</translation>
    </message>
    <message>
      <source>there is no outbox item {outbox_id}</source>
      <translation>Es gibt keinen Postausgangseintrag {outbox_id}</translation>
    </message>
    <message>
      <source>there is no person {person_id}</source>
      <translation>Es gibt keine Person {person_id}</translation>
    </message>
    <message>
      <source>there is no store at {label}; create one with `cmdesk init`</source>
      <translation>Unter {label} gibt es keine Desk-Datei; legen Sie eine mit `cmdesk init` an</translation>
    </message>
    <message>
      <source>there is no template {template_id}</source>
      <translation>Es gibt keine Vorlage {template_id}</translation>
    </message>
    <message>
      <source>there is nothing to undo</source>
      <translation>Es gibt nichts rückgängig zu machen</translation>
    </message>
    <message>
      <source>these case fields cannot be changed here: {fields}</source>
      <translation>Diese Fallfelder können hier nicht geändert werden: {fields}</translation>
    </message>
    <message>
      <source>this e-mail account has no smtp_host; add it to send replies</source>
      <translation>Dieses E-Mail-Konto hat keinen smtp_host; tragen Sie ihn ein, um Antworten zu senden</translation>
    </message>
    <message>
      <source>this headless entry point has no window; start the workstation with `cmdesk`</source>
      <translation>Dieser Einstiegspunkt ohne Oberfläche hat kein Fenster; starten Sie den Arbeitsplatz mit `cmdesk`</translation>
    </message>
    <message>
      <source>this is the person's only identity; there is nothing to split off</source>
      <translation>Das ist die einzige Identität der Person; es gibt nichts abzutrennen</translation>
    </message>
    <message>
      <source>this message may report an adverse event: only PV-safe templates may be used until a PV reviewer clears it</source>
      <translation>Diese Nachricht meldet möglicherweise ein unerwünschtes Ereignis: Bis eine PV-Prüfung sie freigibt, dürfen nur PV-sichere Vorlagen verwendet werden</translation>
    </message>
    <message>
      <source>this release has no meddra_release.asc; give the MedDRA version and language</source>
      <translation>Diese Version hat keine meddra_release.asc; geben Sie MedDRA-Version und Sprache an</translation>
    </message>
    <message>
      <source>this suggestion was already confirmed</source>
      <translation>Dieser Vorschlag wurde bereits bestätigt</translation>
    </message>
    <message>
      <source>this suggestion was already rejected</source>
      <translation>Dieser Vorschlag wurde bereits abgelehnt</translation>
    </message>
    <message>
      <source>unknown channel kind {kind!r}; choose one of {kinds}</source>
      <translation>Unbekannte Kanalart {kind!r}; wählen Sie eine aus {kinds}</translation>
    </message>
    <message>
      <source>unknown channel {unknown!r}</source>
      <translation>Unbekannter Kanal {unknown!r}</translation>
    </message>
    <message>
      <source>unknown mapping field(s) {unknown}; use {fields}</source>
      <translation>Unbekannte Zuordnungsfelder {unknown}; möglich sind {fields}</translation>
    </message>
    <message>
      <source>unknown moderation action {action!r}</source>
      <translation>Unbekannte Moderationsaktion {action!r}</translation>
    </message>
    <message>
      <source>unknown outbox action {action!r}</source>
      <translation>Unbekannte Postausgangsaktion {action!r}</translation>
    </message>
    <message>
      <source>unknown placeholder {placeholder}; known: {known}</source>
      <translation>Unbekannter Platzhalter {placeholder}; bekannt sind: {known}</translation>
    </message>
    <message>
      <source>unknown seriousness criteria: {criteria}</source>
      <translation>Unbekannte Schwerwiegendheitskriterien: {criteria}</translation>
    </message>
    <message>
      <source>unknown setting {key!r}</source>
      <translation>Unbekannte Einstellung {key!r}</translation>
    </message>
    <message>
      <source>unknown status {status!r}; use open, waiting, done or no_action</source>
      <translation>Unbekannter Status {status!r}; möglich sind open, waiting, done oder no_action</translation>
    </message>
    <message>
      <source>unknown view {view!r}; use one of {views} or account:ID</source>
      <translation>Unbekannte Ansicht {view!r}; möglich sind {views} oder account:ID</translation>
    </message>
    <message>
      <source>unlock the desk before changing its key</source>
      <translation>Entsperren Sie den Desk, bevor Sie seinen Schlüssel ändern</translation>
    </message>
    <message>
      <source>wrong passphrase for {label}</source>
      <translation>Falsche Passphrase für {label}</translation>
    </message>
    <message>
      <source>{account!r} has no token or password yet; set it with `cmdesk accounts secret {account}`</source>
      <translation>{account!r} hat noch kein Token oder Passwort; setzen Sie es mit `cmdesk accounts secret {account}`</translation>
    </message>
    <message>
      <source>{account!r} is a file import account; fill it with `cmdesk import`</source>
      <translation>{account!r} ist ein Dateiimport-Konto; füllen Sie es mit `cmdesk import`</translation>
    </message>
    <message>
      <source>{account!r} is a file import account; it is filled by `cmdesk import`</source>
      <translation>{account!r} ist ein Dateiimport-Konto; es wird über `cmdesk import` gefüllt</translation>
    </message>
    <message>
      <source>{account!r} is paused; resume it first (`cmdesk accounts resume`)</source>
      <translation>{account!r} ist pausiert; setzen Sie es zuerst fort (`cmdesk accounts resume`)</translation>
    </message>
    <message>
      <source>{address!r} is not an e-mail address</source>
      <translation>{address!r} ist keine E-Mail-Adresse</translation>
    </message>
    <message>
      <source>{channel} cannot hide comments.</source>
      <translation>{channel} kann keine Kommentare ausblenden.</translation>
    </message>
    <message>
      <source>{channel} cannot post replies.</source>
      <translation>{channel} kann keine Antworten posten.</translation>
    </message>
    <message>
      <source>{channel} cannot send e-mails.</source>
      <translation>{channel} kann keine E-Mails senden.</translation>
    </message>
    <message>
      <source>{channel} cannot send private replies.</source>
      <translation>{channel} kann keine privaten Antworten senden.</translation>
    </message>
    <message>
      <source>{channel} cannot set a moderation status.</source>
      <translation>{channel} kann keinen Moderationsstatus setzen.</translation>
    </message>
    <message>
      <source>{channel} cannot unhide comments.</source>
      <translation>{channel} kann keine Kommentare wieder einblenden.</translation>
    </message>
    <message>
      <source>{file} cannot be read as JSON ({reason})</source>
      <translation>{file} lässt sich nicht als JSON lesen ({reason})</translation>
    </message>
    <message>
      <source>{file} is empty</source>
      <translation>{file} ist leer</translation>
    </message>
    <message>
      <source>{file} is not valid JSON: {reason}</source>
      <translation>{file} ist kein gültiges JSON: {reason}</translation>
    </message>
    <message>
      <source>{file}: cmdesk imports .csv, .json and .jsonl files</source>
      <translation>{file}: cmdesk importiert .csv-, .json- und .jsonl-Dateien</translation>
    </message>
    <message>
      <source>{file}: expected a list of messages</source>
      <translation>{file}: Erwartet wird eine Liste von Nachrichten</translation>
    </message>
    <message>
      <source>{file}: expected a list of messages, or an object with a 'data' list</source>
      <translation>{file}: Erwartet wird eine Liste von Nachrichten oder ein Objekt mit einer 'data'-Liste</translation>
    </message>
    <message>
      <source>{flag} {text!r} is not a date like 2026-11-24</source>
      <translation>{flag} {text!r} ist kein Datum der Form 2026-11-24</translation>
    </message>
    <message>
      <source>{folder} is not a MedDRA MedAscii folder: {missing} missing</source>
      <translation>{folder} ist kein MedDRA-MedAscii-Ordner: {missing} fehlt</translation>
    </message>
    <message>
      <source>{folder} is not a folder; point to the MedAscii folder of the MedDRA release</source>
      <translation>{folder} ist kein Ordner; wählen Sie den MedAscii-Ordner der MedDRA-Version</translation>
    </message>
    <message>
      <source>{host} had a temporary problem ({message}); will try again.</source>
      <translation>{host} hatte ein vorübergehendes Problem ({message}); neuer Versuch folgt.</translation>
    </message>
    <message>
      <source>{host} refused the request: {message}</source>
      <translation>{host} hat die Anfrage abgelehnt: {message}</translation>
    </message>
    <message>
      <source>{host} sent an answer that is not JSON; will try again.</source>
      <translation>{host} hat eine Antwort geschickt, die kein JSON ist; neuer Versuch folgt.</translation>
    </message>
    <message>
      <source>{label} cannot be read although the key is right: the file is damaged or truncated; restore a backup</source>
      <translation>{label} lässt sich trotz richtigem Schlüssel nicht lesen: Die Datei ist beschädigt oder abgeschnitten; stellen Sie eine Sicherung wieder her</translation>
    </message>
    <message>
      <source>{label} is a folder, not a cmdesk store</source>
      <translation>{label} ist ein Ordner, keine cmdesk-Desk-Datei</translation>
    </message>
    <message>
      <source>{label} is a plain, unencrypted SQLite database, not a cmdesk store</source>
      <translation>{label} ist eine einfache, unverschlüsselte SQLite-Datenbank, keine cmdesk-Desk-Datei</translation>
    </message>
    <message>
      <source>{label} is a text file, not a cmdesk store</source>
      <translation>{label} ist eine Textdatei, keine cmdesk-Desk-Datei</translation>
    </message>
    <message>
      <source>{label} is empty or too short to be a cmdesk store</source>
      <translation>{label} ist leer oder zu kurz für eine cmdesk-Desk-Datei</translation>
    </message>
    <message>
      <source>{label} is locked</source>
      <translation>{label} ist gesperrt</translation>
    </message>
    <message>
      <source>{label} is protected by a passphrase: set CMDESK_PASSPHRASE or use --passphrase-stdin</source>
      <translation>{label} ist mit einer Passphrase geschützt: Setzen Sie CMDESK_PASSPHRASE oder verwenden Sie --passphrase-stdin</translation>
    </message>
    <message>
      <source>{label} is truncated ({size} bytes, expected {expected})</source>
      <translation>{label} ist abgeschnitten ({size} Bytes, erwartet {expected})</translation>
    </message>
    <message>
      <source>{label} keeps its key in the OS keyring, but no keyring is available here; unlock the session keyring, or rekey the store to a passphrase on a machine that has it</source>
      <translation>{label} bewahrt seinen Schlüssel im Schlüsselbund des Betriebssystems auf, aber hier ist keiner verfügbar; entsperren Sie den Schlüsselbund der Sitzung oder stellen Sie die Desk-Datei auf einem Rechner mit Schlüsselbund auf eine Passphrase um</translation>
    </message>
    <message>
      <source>{label} was written by a newer cmdesk (schema step {step} is unknown to this version, which knows up to {latest}); update cmdesk to open it.</source>
      <translation>{label} wurde von einer neueren cmdesk-Version geschrieben (Schemaschritt {step} ist dieser Version unbekannt, sie kennt bis {latest}); aktualisieren Sie cmdesk, um die Datei zu öffnen.</translation>
    </message>
    <message>
      <source>{label}: the disk is full; the change was not saved</source>
      <translation>{label}: Der Datenträger ist voll; die Änderung wurde nicht gespeichert</translation>
    </message>
    <message>
      <source>{name!r} is not a colleague on this desk; add them in the settings first</source>
      <translation>{name!r} gehört nicht zu den Kolleginnen und Kollegen dieses Desks; fügen Sie die Person zuerst in den Einstellungen hinzu</translation>
    </message>
    <message>
      <source>{other} is already a follow-up of {case}</source>
      <translation>{other} ist bereits eine Nachverfolgung von {case}</translation>
    </message>
    <message>
      <source>{path} already exists; cmdesk will not overwrite it</source>
      <translation>{path} existiert bereits; cmdesk überschreibt die Datei nicht</translation>
    </message>
    <message>
      <source>{path} is not a JSON file ({reason})</source>
      <translation>{path} ist keine JSON-Datei ({reason})</translation>
    </message>
    <message>
      <source>{store} has no key file ({file}); it is not a cmdesk store, or its key file was lost</source>
      <translation>{store} hat keine Schlüsseldatei ({file}); es ist keine cmdesk-Desk-Datei, oder die Schlüsseldatei ging verloren</translation>
    </message>
    <message>
      <source>{target!r} holds imported messages; answer them on the channel they came from</source>
      <translation>{target!r} enthält importierte Nachrichten; beantworten Sie sie in dem Kanal, aus dem sie stammen</translation>
    </message>
    <message>
      <source>{user} is not an approver; only a user with the approver role can approve or retire</source>
      <translation>{user} ist keine freigebende Person; nur Nutzer mit der Rolle Freigabe können freigeben oder zurückziehen</translation>
    </message>
  </context>
</TS>