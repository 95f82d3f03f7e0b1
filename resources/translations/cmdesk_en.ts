<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
  <context>
    <name>AccountsTable</name>
    <message numerus="yes">
      <source>%n min ago</source>
      <translation>
        <numerusform>%n min ago</numerusform>
        <numerusform>%n min ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n h ago</source>
      <translation>
        <numerusform>%n h ago</numerusform>
        <numerusform>%n h ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) ago</source>
      <translation>
        <numerusform>%n day ago</numerusform>
        <numerusform>%n days ago</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AuthorHeader</name>
    <message numerus="yes">
      <source>%n message(s)</source>
      <translation>
        <numerusform>%n message</numerusform>
        <numerusform>%n messages</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AuthorPanel</name>
    <message numerus="yes">
      <source>%n suggested merge(s) to confirm or reject</source>
      <translation>
        <numerusform>%n suggested merge to confirm or reject</numerusform>
        <numerusform>%n suggested merges to confirm or reject</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Dashboard</name>
    <message numerus="yes">
      <source>Last %n day(s)</source>
      <translation>
        <numerusform>Last %n day</numerusform>
        <numerusform>Last %n days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>IdentitiesBox</name>
    <message numerus="yes">
      <source>%1 · %n message(s) · since %2</source>
      <translation>
        <numerusform>%1 · %n message · since %2</numerusform>
        <numerusform>%1 · %n messages · since %2</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… and %n more</numerusform>
        <numerusform>… and %n more</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MoodChart</name>
    <message numerus="yes">
      <source>week of %1: %2 (%n message(s))</source>
      <translation>
        <numerusform>week of %1: %2 (%n message)</numerusform>
        <numerusform>week of %1: %2 (%n messages)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PVDecisionDialog</name>
    <message numerus="yes">
      <source>%n selected message(s):</source>
      <translation>
        <numerusform>%n selected message:</numerusform>
        <numerusform>%n selected messages:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReviewView</name>
    <message numerus="yes">
      <source>%n message(s) waiting for a PV decision, %1 overdue.</source>
      <translation>
        <numerusform>%n message waiting for a PV decision, %1 overdue.</numerusform>
        <numerusform>%n messages waiting for a PV decision, %1 overdue.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n message(s) cleared as not an adverse event.</source>
      <translation>
        <numerusform>%n message cleared as not an adverse event.</numerusform>
        <numerusform>%n messages cleared as not an adverse event.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncScheduler</name>
    <message numerus="yes">
      <source>Sync: %n account(s) need attention</source>
      <translation>
        <numerusform>Sync: %n account needs attention</numerusform>
        <numerusform>Sync: %n accounts need attention</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sync OK: %n account(s)</source>
      <translation>
        <numerusform>Sync OK: %n account</numerusform>
        <numerusform>Sync OK: %n accounts</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TemplateLibrary</name>
    <message numerus="yes">
      <source>%n template(s) imported.</source>
      <translation>
        <numerusform>%n template imported.</numerusform>
        <numerusform>%n templates imported.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ThreadView</name>
    <message numerus="yes">
      <source>… %n earlier message(s) not shown</source>
      <translation>
        <numerusform>… %n earlier message not shown</numerusform>
        <numerusform>… %n earlier messages not shown</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… %n later message(s) not shown</source>
      <translation>
        <numerusform>… %n later message not shown</numerusform>
        <numerusform>… %n later messages not shown</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TriageActions</name>
    <message numerus="yes">
      <source>Assigned %n message(s)</source>
      <translation>
        <numerusform>Assigned %n message</numerusform>
        <numerusform>Assigned %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Changed the status of %n message(s)</source>
      <translation>
        <numerusform>Changed the status of %n message</numerusform>
        <numerusform>Changed the status of %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Recorded the PV decision for %n message(s)</source>
      <translation>
        <numerusform>Recorded the PV decision for %n message</numerusform>
        <numerusform>Recorded the PV decision for %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Tagged %n message(s)</source>
      <translation>
        <numerusform>Tagged %n message</numerusform>
        <numerusform>Tagged %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Removed the tag from %n message(s)</source>
      <translation>
        <numerusform>Removed the tag from %n message</numerusform>
        <numerusform>Removed the tag from %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Added a note to %n message(s)</source>
      <translation>
        <numerusform>Added a note to %n message</numerusform>
        <numerusform>Added a note to %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Queued hiding of %n message(s)</source>
      <translation>
        <numerusform>Queued hiding of %n message</numerusform>
        <numerusform>Queued hiding of %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Undid the last action on %n message(s)</source>
      <translation>
        <numerusform>Undid the last action on %n message</numerusform>
        <numerusform>Undid the last action on %n messages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Changed %n message(s)</source>
      <translation>
        <numerusform>Changed %n message</numerusform>
        <numerusform>Changed %n messages</numerusform>
      </translation>
    </message>
  </context>
</TS>