<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AppAutomations</name>
    <message numerus="yes">
        <source>Unlocked for %n minute(s).</source>
        <translation><numerusform>Unlocked for %n minute.</numerusform><numerusform>Unlocked for %n minutes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Open for %n minute(s). Close it, then lock it.</source>
        <translation><numerusform>Open for %n minute. Close it, then lock it.</numerusform><numerusform>Open for %n minutes. Close it, then lock it.</numerusform></translation>
    </message>
</context>
<context>
    <name>BridgeDetailsDialog</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n s off from this computer</source>
        <translation><numerusform>%n s off from this computer</numerusform><numerusform>%n s off from this computer</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation><numerusform>%n entry</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
</context>
<context>
    <name>BrokerLocksPage</name>
    <message numerus="yes">
        <source>Connected to %1:%2. %n lock(s) found:</source>
        <translation><numerusform>Connected to %1:%2. %n lock found:</numerusform><numerusform>Connected to %1:%2. %n locks found:</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>The bridge's clock differs from this computer's by %n second(s). Nuki Desktop adjusts for it, but other apps may fail: set the time of this computer (and the bridge, via the Nuki app) automatically.</source>
        <translation><numerusform>The bridge's clock differs from this computer's by %n second. Nuki Desktop adjusts for it, but other apps may fail: set the time of this computer (and the bridge, via the Nuki app) automatically.</numerusform><numerusform>The bridge's clock differs from this computer's by %n seconds. Nuki Desktop adjusts for it, but other apps may fail: set the time of this computer (and the bridge, via the Nuki app) automatically.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Connected. %1. The token is sent %2. %n device(s):</source>
        <translation><numerusform>Connected. %1. The token is sent %2. %n device:</numerusform><numerusform>Connected. %1. The token is sent %2. %n devices:</numerusform></translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message numerus="yes">
        <source>No bridge is configured, only %n MQTT broker(s): %1. Their locks are in 'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl add-bridge' or the app.</source>
        <translation><numerusform>No bridge is configured, only %n MQTT broker: %1. Its locks are in 'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl add-bridge' or the app.</numerusform><numerusform>No bridge is configured, only %n MQTT brokers: %1. Their locks are in 'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl add-bridge' or the app.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: more locks than a household has (%n id(s) not believed); a lock that publishes while this runs still takes the place of one that does not.</source>
        <translation><numerusform>%1: more locks than a household has (%n id not believed); a lock that publishes while this runs still takes the place of one that does not.</numerusform><numerusform>%1: more locks than a household has (%n ids not believed); a lock that publishes while this runs still takes the place of one that does not.</numerusform></translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message numerus="yes">
        <source>updated %n s ago</source>
        <translation><numerusform>updated %n s ago</numerusform><numerusform>updated %n s ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>updated %n min ago</source>
        <translation><numerusform>updated %n min ago</numerusform><numerusform>updated %n min ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>updated %n h ago</source>
        <translation><numerusform>updated %n h ago</numerusform><numerusform>updated %n h ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation><numerusform>%n s ago</numerusform><numerusform>%n s ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation><numerusform>%n min ago</numerusform><numerusform>%n min ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation><numerusform>%n h ago</numerusform><numerusform>%n h ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation><numerusform>%n days ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
</context>
<context>
    <name>DoorChart</name>
    <message numerus="yes">
        <source>Opened %n time(s), open %1 in all; the longest %2 on %3. Most often opened between %4:00 and %5:00.</source>
        <translation><numerusform>Opened %n time, open %1 in all; the longest %2 on %3. Most often opened between %4:00 and %5:00.</numerusform><numerusform>Opened %n times, open %1 in all; the longest %2 on %3. Most often opened between %4:00 and %5:00.</numerusform></translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message numerus="yes">
        <source> %n bridge(s) have discovery switched off: enter the address yourself.</source>
        <translation><numerusform> %n bridge has discovery switched off: enter the address yourself.</numerusform><numerusform> %n bridges have discovery switched off: enter the address yourself.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Looking at %n address(es) on port %1…</source>
        <translation><numerusform>Looking at %n address on port %1…</numerusform><numerusform>Looking at %n addresses on port %1…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The scan found %n bridge(s).</source>
        <translation><numerusform>The scan found %n bridge.</numerusform><numerusform>The scan found %n bridges.</numerusform></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exporting the history… %1 of %Ln event(s)</source>
        <translation><numerusform>Exporting the history… %1 of %Ln event</numerusform><numerusform>Exporting the history… %1 of %Ln events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) exported to %1</source>
        <translation><numerusform>%Ln event exported to %1</numerusform><numerusform>%Ln events exported to %1</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>It acts for devices no bridge or broker reaches now, and reads them every %n second(s).</source>
        <translation><numerusform>It acts for devices no bridge or broker reaches now, and reads them every %n second.</numerusform><numerusform>It acts for devices no bridge or broker reaches now, and reads them every %n seconds.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) to Nuki Web in this run.</source>
        <translation><numerusform>%n request to Nuki Web in this run.</numerusform><numerusform>%n requests to Nuki Web in this run.</numerusform></translation>
    </message>
</context>
<context>
    <name>SourceHeader</name>
    <message numerus="yes">
        <source>checked every %n s</source>
        <translation><numerusform>checked every %n s</numerusform><numerusform>checked every %n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The bridge's clock differs from this computer's by %n second(s). This app adjusts for it; other apps may fail to connect.</source>
        <translation><numerusform>The bridge's clock differs from this computer's by %n second. This app adjusts for it; other apps may fail to connect.</numerusform><numerusform>The bridge's clock differs from this computer's by %n seconds. This app adjusts for it; other apps may fail to connect.</numerusform></translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message numerus="yes">
        <source>%n s left to press the button</source>
        <translation><numerusform>%n s left to press the button</numerusform><numerusform>%n s left to press the button</numerusform></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message numerus="yes">
        <source>All %n devices…</source>
        <translation><numerusform>All %n devices…</numerusform><numerusform>All %n devices…</numerusform></translation>
    </message>
</context>
<context>
    <name>WebPage</name>
    <message numerus="yes">
        <source>Nuki Web accepts the token. The account has %n device(s):</source>
        <translation><numerusform>Nuki Web accepts the token. The account has %n device:</numerusform><numerusform>Nuki Web accepts the token. The account has %n devices:</numerusform></translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message numerus="yes">
        <source>Added %1 (%2:%3) with %n lock(s).</source>
        <translation><numerusform>Added %1 (%2:%3) with %n lock.</numerusform><numerusform>Added %1 (%2:%3) with %n locks.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Added Nuki Web (%1) with %n device(s).</source>
        <translation><numerusform>Added Nuki Web (%1) with %n device.</numerusform><numerusform>Added Nuki Web (%1) with %n devices.</numerusform></translation>
    </message>
</context>
<context>
    <name>nuki</name>
    <message numerus="yes">
        <source>by the lock's button (%n presses)</source>
        <translation><numerusform>by the lock's button (%n presses)</numerusform><numerusform>by the lock's button (%n presses)</numerusform></translation>
    </message>
</context>
<context>
    <name>nukictl</name>
    <message numerus="yes">
        <source>Ignored in the settings: %n rule(s) (for an Opener, an unknown kind, or a repeat).</source>
        <translation><numerusform>Ignored in the settings: %n rule (for an Opener, an unknown kind, or a repeat).</numerusform><numerusform>Ignored in the settings: %n rules (for an Opener, an unknown kind, or a repeat).</numerusform></translation>
    </message>
</context>
</TS>