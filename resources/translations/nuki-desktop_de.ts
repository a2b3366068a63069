<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>AppAutomations</name>
    <message>
        <source>not noticed — NetworkManager was not found on this computer</source>
        <translation>wird nicht bemerkt — NetworkManager wurde auf diesem Computer nicht gefunden</translation>
    </message>
    <message>
        <source>noticed through NetworkManager (no connection now)</source>
        <translation>wird über NetworkManager bemerkt (gerade keine Verbindung)</translation>
    </message>
    <message>
        <source>noticed through NetworkManager (now on “%1”)</source>
        <translation>wird über NetworkManager bemerkt (jetzt mit „%1“)</translation>
    </message>
    <message>
        <source>%1 is still unlocked</source>
        <translation>%1 ist noch aufgesperrt</translation>
    </message>
    <message numerus="yes">
        <source>Unlocked for %n minute(s).</source>
        <translation><numerusform>Seit %n Minute aufgesperrt.</numerusform><numerusform>Seit %n Minuten aufgesperrt.</numerusform></translation>
    </message>
    <message>
        <source>%1: the door is still open</source>
        <translation>%1: Die Tür steht noch offen</translation>
    </message>
    <message numerus="yes">
        <source>Open for %n minute(s). Close it, then lock it.</source>
        <translation><numerusform>Seit %n Minute offen. Schließen Sie sie, dann sperren Sie ab.</numerusform><numerusform>Seit %n Minuten offen. Schließen Sie sie, dann sperren Sie ab.</numerusform></translation>
    </message>
    <message>
        <source>You left with %1 unlocked</source>
        <translation>Sie sind gegangen, und %1 ist aufgesperrt</translation>
    </message>
    <message>
        <source>It can still be reached from here: Lock now locks it.</source>
        <translation>Es ist von hier noch erreichbar: „Jetzt absperren“ sperrt es ab.</translation>
    </message>
    <message>
        <source>It cannot be reached from away: the bridge is on your home network.</source>
        <translation>Von unterwegs ist es nicht erreichbar: Die Bridge ist in Ihrem Heimnetz.</translation>
    </message>
    <message>
        <source>While you were away</source>
        <translation>Während Sie weg waren</translation>
    </message>
    <message>
        <source>The door may be open: close it, then lock it.</source>
        <translation>Die Tür ist vielleicht offen: Schließen Sie sie, dann sperren Sie ab.</translation>
    </message>
    <message>
        <source>The door may be open, too: it cannot be locked from here.</source>
        <translation>Die Tür ist vielleicht auch offen: Sie kann von hier nicht abgesperrt werden.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Please confirm</source>
        <translation>Bitte bestätigen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>The token file could not be written.</source>
        <translation>Die Token-Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Open the door at “%1” now (buzz it open)?</source>
        <translation>Die Tür bei „%1“ jetzt öffnen (Türsummer)?</translation>
    </message>
    <message>
        <source>Lock ’n’ Go and open “%1” now? The door will be unlatched.</source>
        <translation>Lock ’n’ Go und „%1“ jetzt öffnen? Die Falle wird gezogen.</translation>
    </message>
    <message>
        <source>Open “%1” now? The door will be unlatched.</source>
        <translation>„%1“ jetzt öffnen? Die Falle wird gezogen.</translation>
    </message>
    <message>
        <source>The door of “%1” is open. Lock anyway?</source>
        <translation>Die Tür von „%1“ steht offen. Trotzdem verriegeln?</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verriegeln</translation>
    </message>
    <message>
        <source>Demo broker</source>
        <translation>Demo-Broker</translation>
    </message>
</context>
<context>
    <name>AutomationsPage</name>
    <message>
        <source>Automations only ever lock: never unlock, open or Lock ’n’ Go, never an Opener, never a door that stands open or is already locked. Each is off until you switch it on here.</source>
        <translation>Automatisierungen sperren nur ab: nie aufsperren, öffnen oder Lock ’n’ Go, nie ein Opener, nie eine Tür, die offen steht oder schon abgesperrt ist. Jede ist aus, bis Sie sie hier einschalten.</translation>
    </message>
    <message>
        <source>Screen lock detection: %1</source>
        <translation>Erkennung der Bildschirmsperre: %1</translation>
    </message>
    <message>
        <source>Leaving home: %1</source>
        <translation>Verlassen des Hauses: %1</translation>
    </message>
    <message>
        <source>Pause automations</source>
        <translation>Automatisierungen pausieren</translation>
    </message>
    <message>
        <source>after </source>
        <translation>nach </translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>%1: delay</source>
        <translation>%1: Verzögerung</translation>
    </message>
    <message>
        <source>full lock</source>
        <translation>doppelt absperren</translation>
    </message>
    <message>
        <source>The lock's own full lock (a second turn), through its broker.</source>
        <translation>Das doppelte Absperren des Schlosses selbst (eine zweite Umdrehung), über seinen Broker.</translation>
    </message>
    <message>
        <source>Switch this automation on?</source>
        <translation>Diese Automatisierung einschalten?</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>No Smart Lock yet: automations appear here once one is added.</source>
        <translation>Noch kein Smart Lock: Automatisierungen erscheinen hier, sobald eines hinzugefügt ist.</translation>
    </message>
    <message>
        <source>In demo mode automations are not saved.</source>
        <translation>Im Demomodus werden Automatisierungen nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>BatteryChart</name>
    <message>
        <source>Battery chart</source>
        <translation>Batteriediagramm</translation>
    </message>
    <message>
        <source>%1: %2 % on %3.</source>
        <translation>%1: %2 % am %3.</translation>
    </message>
    <message>
        <source>%1: %2 % on %3, %4 % on %5.</source>
        <translation>%1: %2 % am %3, %4 % am %5.</translation>
    </message>
    <message>
        <source>No battery levels recorded in this time.</source>
        <translation>In dieser Zeit wurden keine Batteriestände aufgezeichnet.</translation>
    </message>
    <message>
        <source>Battery levels: %1</source>
        <translation>Batteriestände: %1</translation>
    </message>
</context>
<context>
    <name>BridgeDetailsDialog</name>
    <message>
        <source>Bridge details</source>
        <translation>Bridge-Details</translation>
    </message>
    <message>
        <source>Reading the bridge's log…</source>
        <translation>Lese das Protokoll der Bridge …</translation>
    </message>
    <message>
        <source>Reboot bridge…</source>
        <translation>Bridge neu starten …</translation>
    </message>
    <message>
        <source>Update firmware…</source>
        <translation>Firmware aktualisieren …</translation>
    </message>
    <message>
        <source>Reboot the bridge now? Its devices cannot be reached for about a minute.</source>
        <translation>Die Bridge jetzt neu starten? Ihre Geräte sind etwa eine Minute lang nicht erreichbar.</translation>
    </message>
    <message>
        <source>Let the bridge look for and install firmware updates now? It may restart.</source>
        <translation>Soll die Bridge jetzt nach Firmware-Updates suchen und sie installieren? Sie startet dabei eventuell neu.</translation>
    </message>
    <message>
        <source>Remove selected slot…</source>
        <translation>Ausgewählten Platz entfernen …</translation>
    </message>
    <message>
        <source>Callback slots (the bridge has three):</source>
        <translation>Callback-Plätze (die Bridge hat drei):</translation>
    </message>
    <message>
        <source>Bridge log (newest first):</source>
        <translation>Protokoll der Bridge (neueste zuerst):</translation>
    </message>
    <message>
        <source>  (this app)</source>
        <translation>  (diese App)</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>Remove callback</source>
        <translation>Callback entfernen</translation>
    </message>
    <message>
        <source>Remove this callback from the bridge? The app that registered it stops getting instant updates.

%1</source>
        <translation>Diesen Callback von der Bridge entfernen? Die App, die ihn eingetragen hat, bekommt dann keine sofortigen Updates mehr.

%1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Moved:</source>
        <translation>Umgezogen:</translation>
    </message>
    <message>
        <source>The bridge changed its address (was %1); Nuki Desktop followed it.</source>
        <translation>Die Bridge hat ihre Adresse geändert (vorher %1); Nuki Desktop ist ihr gefolgt.</translation>
    </message>
    <message>
        <source>Token sent as:</source>
        <translation>Token gesendet als:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Hardware bridge</source>
        <translation>Hardware-Bridge</translation>
    </message>
    <message>
        <source>Software bridge</source>
        <translation>Software-Bridge</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>Firmware:</translation>
    </message>
    <message>
        <source>Wi-Fi firmware:</source>
        <translation>WLAN-Firmware:</translation>
    </message>
    <message>
        <source>Up for:</source>
        <translation>Läuft seit:</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n Stunde</numerusform><numerusform>%n Stunden</numerusform></translation>
    </message>
    <message>
        <source>Wi-Fi:</source>
        <translation>WLAN:</translation>
    </message>
    <message>
        <source>Nuki server:</source>
        <translation>Nuki-Server:</translation>
    </message>
    <message>
        <source>Clock:</source>
        <translation>Uhr:</translation>
    </message>
    <message numerus="yes">
        <source>%n s off from this computer</source>
        <translation><numerusform>%n s Abweichung zu diesem Computer</numerusform><numerusform>%n s Abweichung zu diesem Computer</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation><numerusform>%n Eintrag</numerusform><numerusform>%n Einträge</numerusform></translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Bitte bestätigen</translation>
    </message>
    <message>
        <source>The bridge accepted the request.</source>
        <translation>Die Bridge hat die Anfrage angenommen.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n Minute</numerusform><numerusform>%n Minuten</numerusform></translation>
    </message>
    <message>
        <source>instant (the bridge calls this app)</source>
        <translation>sofort (die Bridge meldet sich bei dieser App)</translation>
    </message>
    <message>
        <source>checked regularly</source>
        <translation>regelmäßig abgefragt</translation>
    </message>
    <message>
        <source>%1 updates received, %2 rejected</source>
        <translation>%1 Updates erhalten, %2 abgewiesen</translation>
    </message>
    <message>
        <source>Updates:</source>
        <translation>Updates:</translation>
    </message>
</context>
<context>
    <name>BrokerDetailsDialog</name>
    <message>
        <source>Broker details</source>
        <translation>Broker-Details</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>unverschlüsselt</translation>
    </message>
    <message>
        <source>MQTT 5</source>
        <translation>MQTT 5</translation>
    </message>
    <message>
        <source>MQTT 3.1.1</source>
        <translation>MQTT 3.1.1</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Firmware %1</source>
        <translation>Firmware %1</translation>
    </message>
    <message>
        <source>Not known to be connected</source>
        <translation>Nicht bekannt, ob verbunden</translation>
    </message>
    <message>
        <source>Connected to the broker</source>
        <translation>Mit dem Broker verbunden</translation>
    </message>
    <message>
        <source>Not connected (its last will)</source>
        <translation>Nicht verbunden (sein letzter Wille)</translation>
    </message>
    <message>
        <source>Linked to Nuki's cloud</source>
        <translation>Mit der Nuki-Cloud verbunden</translation>
    </message>
    <message>
        <source>Not linked to Nuki's cloud</source>
        <translation>Nicht mit der Nuki-Cloud verbunden</translation>
    </message>
    <message>
        <source>Last message %1</source>
        <translation>Letzte Nachricht %1</translation>
    </message>
    <message>
        <source>A command is stored (retained) on the broker for this lock: it reaches the lock each time it connects. Remove it (publish an empty retained message to its lockAction topic).</source>
        <translation>Auf dem Broker ist ein Befehl für dieses Schloss gespeichert (retained): Er erreicht das Schloss bei jeder Verbindung. Entfernen Sie ihn (eine leere Retained-Nachricht an sein lockAction-Topic senden).</translation>
    </message>
</context>
<context>
    <name>BrokerLocksPage</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>&amp;Test again</source>
        <translation>Erneut &amp;testen</translation>
    </message>
    <message>
        <source>Locks on this broker (tick those to add):</source>
        <translation>Schlösser auf diesem Broker (die hinzuzufügenden ankreuzen):</translation>
    </message>
    <message>
        <source>A lock that connects later appears here too. One left unticked stays hidden in this app.</source>
        <translation>Ein Schloss, das sich später verbindet, erscheint hier ebenfalls. Ein nicht angekreuztes bleibt in dieser App verborgen.</translation>
    </message>
    <message>
        <source>&amp;Name for this broker:</source>
        <translation>&amp;Name für diesen Broker:</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>This app logs in to the broker and looks for the locks that publish there.</source>
        <translation>Diese App meldet sich beim Broker an und sucht die Schlösser, die dort veröffentlichen.</translation>
    </message>
    <message>
        <source>MQTT broker %1</source>
        <translation>MQTT-Broker %1</translation>
    </message>
    <message>
        <source>The password cannot be kept in a keychain: %1 The app uses it until it quits; after that, enter it again in this assistant.</source>
        <translation>Das Passwort kann in keinem Schlüsselbund gespeichert werden: %1 Die App verwendet es, bis sie beendet wird; danach geben Sie es in diesem Assistenten erneut ein.</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Verbinde mit %1:%2 …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>The broker did not accept the login</source>
        <translation>Der Broker hat die Anmeldung nicht angenommen</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>Check the user name and the password: they are the broker's own (its password file), not those of your Nuki account.</source>
        <translation>Prüfen Sie Benutzername und Passwort: Es sind die des Brokers (aus seiner Passwortdatei), nicht die Ihres Nuki-Kontos.</translation>
    </message>
    <message>
        <source>Something took the connection but did not answer as an MQTT broker. Check the port, and TLS: a TLS port needs TLS switched on here, a plain one needs it off.</source>
        <translation>Etwas hat die Verbindung angenommen, aber nicht wie ein MQTT-Broker geantwortet. Prüfen Sie den Port und TLS: Ein TLS-Port braucht hier TLS eingeschaltet, ein einfacher Port ausgeschaltet.</translation>
    </message>
    <message>
        <source>Check the address, the port (a broker's TLS port is not the 1883 the lock uses) and the CA certificate.</source>
        <translation>Prüfen Sie die Adresse, den Port (der TLS-Port eines Brokers ist nicht der Port 1883, den das Schloss nutzt) und das CA-Zertifikat.</translation>
    </message>
    <message>
        <source>Check the address and the port, and that the broker is running and listens on the network (Mosquitto 2 listens only on its own computer unless its configuration has a “listener 1883” line).</source>
        <translation>Prüfen Sie Adresse und Port und ob der Broker läuft und im Netzwerk lauscht (Mosquitto 2 lauscht nur auf dem eigenen Computer, wenn seine Konfiguration keine Zeile „listener 1883“ hat).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> — not connected to the broker now</source>
        <translation> – gerade nicht mit dem Broker verbunden</translation>
    </message>
    <message>
        <source>Connected to %1:%2. No lock has published here yet: check that MQTT is on for the lock in the Nuki app, with this broker's address. Finish adds the broker; its locks appear once they connect.</source>
        <translation>Verbunden mit %1:%2. Hier hat noch kein Schloss veröffentlicht: Prüfen Sie, ob MQTT für das Schloss in der Nuki App eingeschaltet ist, mit der Adresse dieses Brokers. „Fertigstellen“ fügt den Broker hinzu; seine Schlösser erscheinen, sobald sie sich verbinden.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1:%2. %n lock(s) found:</source>
        <translation><numerusform>Verbunden mit %1:%2. %n Schloss gefunden:</numerusform><numerusform>Verbunden mit %1:%2. %n Schlösser gefunden:</numerusform></translation>
    </message>
    <message>
        <source>This broker is added already: Finish replaces its settings.</source>
        <translation>Dieser Broker ist bereits hinzugefügt: „Fertigstellen“ ersetzt seine Einstellungen.</translation>
    </message>
</context>
<context>
    <name>BrokerPage</name>
    <message>
        <source>In the Nuki app, open the lock, then &lt;i&gt;Features &amp;amp; Configuration&lt;/i&gt; (&lt;i&gt;Device administration&lt;/i&gt; in some versions) → &lt;i&gt;MQTT&lt;/i&gt;: switch MQTT on and enter this broker's address, a user name and a password. Keep &lt;b&gt;Allow locking&lt;/b&gt; on: without it the lock takes no action from this app. The lock itself connects only to &lt;b&gt;port 1883, without TLS&lt;/b&gt;, and only to a private address on your home network (such as 192.168.1.10).</source>
        <translation>Öffnen Sie in der Nuki App das Schloss, dann &lt;i&gt;Funktionen &amp;amp; Konfiguration&lt;/i&gt; (in manchen Versionen &lt;i&gt;Geräteverwaltung&lt;/i&gt;) → &lt;i&gt;MQTT&lt;/i&gt;: Schalten Sie MQTT ein und geben Sie die Adresse dieses Brokers, einen Benutzernamen und ein Passwort ein. Lassen Sie &lt;b&gt;Sperren erlauben&lt;/b&gt; eingeschaltet: Ohne diese Option führt das Schloss keine Aktion dieser App aus. Das Schloss selbst verbindet sich nur mit &lt;b&gt;Port 1883, ohne TLS&lt;/b&gt;, und nur mit einer privaten Adresse in Ihrem Heimnetz (etwa 192.168.1.10).</translation>
    </message>
    <message>
        <source>Broker &amp;address:</source>
        <translation>Broker-&amp;Adresse:</translation>
    </message>
    <message>
        <source>host or host:port, e.g. 192.168.1.10</source>
        <translation>Host oder Host:Port, z. B. 192.168.1.10</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>empty for a broker without login</source>
        <translation>leer bei einem Broker ohne Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Use &amp;TLS for this app's connection (the lock itself cannot)</source>
        <translation>&amp;TLS für die Verbindung dieser App verwenden (das Schloss selbst kann es nicht)</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>empty: this computer's certificates</source>
        <translation>leer: die Zertifikate dieses Computers</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>A&amp;uswählen …</translation>
    </message>
    <message>
        <source>The MQTT broker</source>
        <translation>Der MQTT-Broker</translation>
    </message>
    <message>
        <source>Where your Wi-Fi lock publishes its state, and how this app logs in.</source>
        <translation>Wo Ihr WLAN-Schloss seinen Zustand veröffentlicht und wie sich diese App anmeldet.</translation>
    </message>
    <message>
        <source>That is not a host name or an address (with an optional :port).</source>
        <translation>Das ist kein Hostname und keine Adresse (mit optionalem :Port).</translation>
    </message>
    <message>
        <source>A password needs a user name.</source>
        <translation>Ein Passwort braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read.</source>
        <translation>Die CA-Zertifikatsdatei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Port %1 unless you add one (host:port).</source>
        <translation>Port %1, wenn Sie keinen angeben (Host:Port).</translation>
    </message>
    <message>
        <source>The broker's CA certificate</source>
        <translation>Das CA-Zertifikat des Brokers</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Checking the connection</source>
        <translation>Verbindung prüfen</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Verbinde mit %1:%2 …</translation>
    </message>
    <message numerus="yes">
        <source>The bridge's clock differs from this computer's by %n second(s). Nuki Desktop adjusts for it, but other apps may fail: set the time of this computer (and the bridge, via the Nuki app) automatically.</source>
        <translation><numerusform>Die Uhr der Bridge weicht %n Sekunde von diesem Computer ab. Nuki Desktop gleicht das aus, andere Apps eventuell nicht: Zeit dieses Computers (und der Bridge, über die Nuki-App) automatisch stellen lassen.</numerusform><numerusform>Die Uhr der Bridge weicht %n Sekunden von diesem Computer ab. Nuki Desktop gleicht das aus, andere Apps eventuell nicht: Zeit dieses Computers (und der Bridge, über die Nuki-App) automatisch stellen lassen.</numerusform></translation>
    </message>
    <message>
        <source>Hardware bridge, firmware %1</source>
        <translation>Hardware-Bridge, Firmware %1</translation>
    </message>
    <message>
        <source>Software bridge %1</source>
        <translation>Software-Bridge %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected. %1. The token is sent %2. %n device(s):</source>
        <translation><numerusform>Verbunden. %1. Das Token wird %2 gesendet. %n Gerät:</numerusform><numerusform>Verbunden. %1. Das Token wird %2 gesendet. %n Geräte:</numerusform></translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>hashed</source>
        <translation>gehasht</translation>
    </message>
    <message>
        <source>Send the token unprotected…</source>
        <translation>Token ungeschützt senden …</translation>
    </message>
    <message>
        <source>Only for a software bridge or very old firmware that accepts no protected token.</source>
        <translation>Nur für eine Software-Bridge oder sehr alte Firmware, die kein geschütztes Token annimmt.</translation>
    </message>
    <message>
        <source>Send the token unprotected?</source>
        <translation>Token ungeschützt senden?</translation>
    </message>
    <message>
        <source>The bridge accepted neither the encrypted nor the hashed token. A software bridge or very old firmware accepts only the token itself.

Sent unprotected, anyone on your network can read the token and open your doors with it. Do this only if your bridge accepts nothing better; otherwise go back and check the token and the clocks.</source>
        <translation>Die Bridge hat weder das verschlüsselte noch das gehashte Token angenommen. Eine Software-Bridge oder sehr alte Firmware nimmt nur das Token selbst an.

Ungeschützt gesendet kann jeder in Ihrem Netzwerk das Token mitlesen und damit Ihre Türen öffnen. Tun Sie das nur, wenn Ihre Bridge nichts Besseres annimmt; sonst gehen Sie zurück und prüfen Sie das Token und die Uhren.</translation>
    </message>
    <message>
        <source>Send unprotected</source>
        <translation>Ungeschützt senden</translation>
    </message>
    <message>
        <source>unprotected, as you chose</source>
        <translation>ungeschützt, wie von Ihnen gewählt</translation>
    </message>
    <message>
        <source>The bridge did not accept the token</source>
        <translation>Die Bridge hat das Token nicht angenommen</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>--auth takes plain, hashed or encrypted.</source>
        <translation>--auth erwartet plain, hashed oder encrypted.</translation>
    </message>
    <message>
        <source>--host takes HOST:PORT.</source>
        <translation>--host erwartet HOST:PORT.</translation>
    </message>
    <message>
        <source>Token for %1: </source>
        <translation>Token für %1: </translation>
    </message>
    <message>
        <source>No token: set NUKI_TOKEN, use --token-file, or run on a terminal to be asked.</source>
        <translation>Kein Token: NUKI_TOKEN setzen, --token-file verwenden oder in einem Terminal starten, um gefragt zu werden.</translation>
    </message>
    <message>
        <source>No token for bridge %1: %2</source>
        <translation>Kein Token für Bridge %1: %2</translation>
    </message>
    <message>
        <source>No bridge is configured. Use --host HOST:PORT, or add one with 'nukictl add-bridge' or the app.</source>
        <translation>Keine Bridge eingerichtet. --host HOST:PORT verwenden oder eine mit 'nukictl add-bridge' oder der App hinzufügen.</translation>
    </message>
    <message>
        <source>No configured bridge is called “%1”.</source>
        <translation>Keine eingerichtete Bridge heißt „%1“.</translation>
    </message>
    <message>
        <source>No device matches “%1”. 'nukictl list' shows them all.</source>
        <translation>Kein Gerät passt zu „%1“. 'nukictl list' zeigt alle.</translation>
    </message>
    <message>
        <source>“%1” matches several devices:</source>
        <translation>„%1“ passt zu mehreren Geräten:</translation>
    </message>
    <message>
        <source>The token file of this bridge is missing or empty.</source>
        <translation>Die Token-Datei dieser Bridge fehlt oder ist leer.</translation>
    </message>
    <message>
        <source>--broker takes HOST or HOST:PORT.</source>
        <translation>--broker erwartet HOST oder HOST:PORT.</translation>
    </message>
    <message numerus="yes">
        <source>No bridge is configured, only %n MQTT broker(s): %1. Their locks are in 'nukictl list' and 'nukictl status'; a bridge is added with 'nukictl add-bridge' or the app.</source>
        <translation><numerusform>Keine Bridge eingerichtet, nur %n MQTT-Broker: %1. Seine Schlösser zeigen 'nukictl list' und 'nukictl status'; eine Bridge kommt mit 'nukictl add-bridge' oder der App hinzu.</numerusform><numerusform>Keine Bridge eingerichtet, nur %n MQTT-Broker: %1. Ihre Schlösser zeigen 'nukictl list' und 'nukictl status'; eine Bridge kommt mit 'nukictl add-bridge' oder der App hinzu.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: more locks than a household has (%n id(s) not believed); a lock that publishes while this runs still takes the place of one that does not.</source>
        <translation><numerusform>%1: mehr Schlösser, als ein Haushalt hat (%n ID nicht geglaubt); ein Schloss, das währenddessen sendet, nimmt trotzdem den Platz eines stummen ein.</numerusform><numerusform>%1: mehr Schlösser, als ein Haushalt hat (%n IDs nicht geglaubt); ein Schloss, das währenddessen sendet, nimmt trotzdem den Platz eines stummen ein.</numerusform></translation>
    </message>
    <message>
        <source>Nuki Web API token: </source>
        <translation>API-Token für Nuki Web: </translation>
    </message>
    <message>
        <source>No Nuki Web API token: set NUKI_WEB_TOKEN, add the account with 'nukictl add-web', or run on a terminal to be asked.</source>
        <translation>Kein API-Token für Nuki Web: NUKI_WEB_TOKEN setzen, das Konto mit 'nukictl add-web' hinzufügen oder in einem Terminal starten, um gefragt zu werden.</translation>
    </message>
</context>
<context>
    <name>DemoBroker</name>
    <message>
        <source>Garden door (Wi-Fi)</source>
        <translation>Gartentür (WLAN)</translation>
    </message>
</context>
<context>
    <name>DemoHousehold</name>
    <message>
        <source>Demo bridge</source>
        <translation>Demo-Bridge</translation>
    </message>
</context>
<context>
    <name>DesktopNotifications</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Jetzt verriegeln</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später erinnern</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>Ringing</source>
        <translation>Es klingelt</translation>
    </message>
    <message>
        <source>never updated</source>
        <translation>nie aktualisiert</translation>
    </message>
    <message>
        <source>updated just now</source>
        <translation>gerade aktualisiert</translation>
    </message>
    <message numerus="yes">
        <source>updated %n s ago</source>
        <translation><numerusform>vor %n s aktualisiert</numerusform><numerusform>vor %n s aktualisiert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>updated %n min ago</source>
        <translation><numerusform>vor %n min aktualisiert</numerusform><numerusform>vor %n min aktualisiert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>updated %n h ago</source>
        <translation><numerusform>vor %n h aktualisiert</numerusform><numerusform>vor %n h aktualisiert</numerusform></translation>
    </message>
    <message>
        <source>Keypad battery low</source>
        <translation>Keypad-Batterie schwach</translation>
    </message>
    <message>
        <source>This kind of device is new to this app: shown without actions</source>
        <translation>Diese Geräteart kennt die App noch nicht: ohne Aktionen angezeigt</translation>
    </message>
    <message>
        <source>Battery %1%</source>
        <translation>Batterie %1 %</translation>
    </message>
    <message>
        <source> (charging)</source>
        <translation> (lädt)</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source> — critical</source>
        <translation> — kritisch</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Refresh now (wakes the lock over Bluetooth)</source>
        <translation>Jetzt abfragen (weckt das Schloss über Bluetooth)</translation>
    </message>
    <message>
        <source>%1 (%2 when this device is focused)</source>
        <translation>%1 (%2, wenn dieses Gerät ausgewählt ist)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>some time ago</source>
        <translation>vor unbekannter Zeit</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation><numerusform>vor %n s</numerusform><numerusform>vor %n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation><numerusform>vor %n Min.</numerusform><numerusform>vor %n Min.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation><numerusform>vor %n Std.</numerusform><numerusform>vor %n Std.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation><numerusform>vor %n Tag</numerusform><numerusform>vor %n Tagen</numerusform></translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>zuletzt gesehen %1</translation>
    </message>
    <message>
        <source>Remembered from the last run: the bridge has not confirmed this device yet.</source>
        <translation>Vom letzten Start gemerkt: Die Bridge hat dieses Gerät noch nicht bestätigt.</translation>
    </message>
    <message>
        <source>Held: the bridge cannot be reached. This device was last seen %1; its actions wait until the bridge confirms it.</source>
        <translation>Zurückgehalten: Die Bridge ist nicht erreichbar. Dieses Gerät wurde zuletzt %1 gesehen; seine Aktionen warten, bis die Bridge es bestätigt.</translation>
    </message>
    <message>
        <source>Held until the bridge confirms this device (last seen %1).</source>
        <translation>Zurückgehalten, bis die Bridge dieses Gerät bestätigt (zuletzt gesehen %1).</translation>
    </message>
    <message>
        <source>A favourite: shown first and in the tray menu. Click to remove.</source>
        <translation>Ein Favorit: steht oben und im Tray-Menü. Klicken zum Entfernen.</translation>
    </message>
    <message>
        <source>Make this a favourite: shown first and in the tray menu</source>
        <translation>Zum Favoriten machen: steht oben und im Tray-Menü</translation>
    </message>
    <message>
        <source>Favourite %1</source>
        <translation>Favorit %1</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Aus den Favoriten entfernen</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Zu den Favoriten hinzufügen</translation>
    </message>
    <message>
        <source>Nuki state %1</source>
        <translation>Nuki-Zustand %1</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
</context>
<context>
    <name>DeviceListView</name>
    <message>
        <source>No devices yet. The list fills as soon as a bridge answers.</source>
        <translation>Noch keine Geräte. Die Liste füllt sich, sobald eine Bridge antwortet.</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Scroll the device list</source>
        <translation>Geräteliste blättern</translation>
    </message>
    <message>
        <source>Scroll the device list sideways</source>
        <translation>Geräteliste seitlich blättern</translation>
    </message>
    <message>
        <source>No device matches “%1”. Press Esc to show all.</source>
        <translation>Kein Gerät passt zu „%1“. Esc zeigt wieder alle.</translation>
    </message>
</context>
<context>
    <name>DoorChart</name>
    <message>
        <source>Door chart</source>
        <translation>Türdiagramm</translation>
    </message>
    <message>
        <source>Minutes open</source>
        <translation>Minuten offen</translation>
    </message>
    <message>
        <source>The door was not opened in this time, or no door sensor reported it.</source>
        <translation>Die Tür wurde in dieser Zeit nicht geöffnet, oder kein Türsensor hat es gemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n time(s), open %1 in all; the longest %2 on %3. Most often opened between %4:00 and %5:00.</source>
        <translation><numerusform>%n-mal geöffnet, insgesamt %1 offen; am längsten %2 am %3. Am häufigsten geöffnet zwischen %4:00 und %5:00.</numerusform><numerusform>%n-mal geöffnet, insgesamt %1 offen; am längsten %2 am %3. Am häufigsten geöffnet zwischen %4:00 und %5:00.</numerusform></translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <source>Bridges found on your network:</source>
        <translation>Bridges in Ihrem Netzwerk:</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Scan this network</source>
        <translation>Dieses Netzwerk durchsuchen</translation>
    </message>
    <message>
        <source>Or enter the bridge's address yourself:</source>
        <translation>Oder die Adresse der Bridge selbst eingeben:</translation>
    </message>
    <message>
        <source>IP address, e.g. 192.168.1.50</source>
        <translation>IP-Adresse, z. B. 192.168.1.50</translation>
    </message>
    <message>
        <source>:</source>
        <translation>:</translation>
    </message>
    <message>
        <source>Find your bridge</source>
        <translation>Bridge finden</translation>
    </message>
    <message>
        <source>That is not an IP address or host name.</source>
        <translation>Das ist keine IP-Adresse und kein Hostname.</translation>
    </message>
    <message>
        <source>Nuki Bridge %1 at %2:%3</source>
        <translation>Nuki Bridge %1 unter %2:%3</translation>
    </message>
    <message>
        <source>Nuki Bridge at %1:%2</source>
        <translation>Nuki Bridge unter %1:%2</translation>
    </message>
    <message>
        <source> (already added)</source>
        <translation> (bereits hinzugefügt)</translation>
    </message>
    <message>
        <source>Asking Nuki's discovery service…</source>
        <translation>Frage den Suchdienst von Nuki …</translation>
    </message>
    <message>
        <source>The discovery service could not be asked (%1). Enter the address below or scan the network.</source>
        <translation>Der Suchdienst war nicht erreichbar (%1). Adresse unten eingeben oder das Netzwerk durchsuchen.</translation>
    </message>
    <message>
        <source>Bridges were reported, but none answered here.</source>
        <translation>Es wurden Bridges gemeldet, aber keine hat hier geantwortet.</translation>
    </message>
    <message>
        <source>No bridge was reported for your network.</source>
        <translation>Für Ihr Netzwerk wurde keine Bridge gemeldet.</translation>
    </message>
    <message numerus="yes">
        <source> %n bridge(s) have discovery switched off: enter the address yourself.</source>
        <translation><numerusform> Bei %n Bridge ist die Suche ausgeschaltet: Adresse selbst eingeben.</numerusform><numerusform> Bei %n Bridges ist die Suche ausgeschaltet: Adresse selbst eingeben.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Looking at %n address(es) on port %1…</source>
        <translation><numerusform>Prüfe %n Adresse auf Port %1 …</numerusform><numerusform>Prüfe %n Adressen auf Port %1 …</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The scan found %n bridge(s).</source>
        <translation><numerusform>Die Suche hat %n Bridge gefunden.</numerusform><numerusform>Die Suche hat %n Bridges gefunden.</numerusform></translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Name for this bridge:</source>
        <translation>Name dieser Bridge:</translation>
    </message>
    <message>
        <source>Instant updates: let the bridge tell this app about changes (it checks regularly as well)</source>
        <translation>Sofortige Updates: die Bridge meldet Änderungen an diese App (regelmäßige Abfragen gibt es trotzdem)</translation>
    </message>
    <message>
        <source>Keep the token for this run only</source>
        <translation>Token nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <source>Store it in a file only you can read (less safe than a keychain)</source>
        <translation>In einer Datei speichern, die nur Sie lesen können (weniger sicher als ein Schlüsselbund)</translation>
    </message>
    <message>
        <source>Almost done</source>
        <translation>Fast fertig</translation>
    </message>
    <message>
        <source>Nuki Bridge %1</source>
        <translation>Nuki Bridge %1</translation>
    </message>
    <message>
        <source>The token cannot be kept in a keychain: %1 Choose how to keep it:</source>
        <translation>Das Token kann nicht im Schlüsselbund gespeichert werden: %1 Wie soll es aufbewahrt werden?</translation>
    </message>
    <message>
        <source>The new token works</source>
        <translation>Das neue Token funktioniert</translation>
    </message>
    <message>
        <source>Finish saves it for %1; the app uses it from now on.</source>
        <translation>„Fertigstellen“ speichert es für %1; die App verwendet es ab jetzt.</translation>
    </message>
    <message>
        <source>Name the bridge and choose how the app hears about changes.</source>
        <translation>Benennen Sie die Bridge und wählen Sie, wie die App von Änderungen erfährt.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>No record from %1 to %2 (the app was not running)</source>
        <translation>Keine Aufzeichnung von %1 bis %2 (die App lief nicht)</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History — Nuki Desktop</source>
        <translation>Verlauf — Nuki Desktop</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Zustand des Verlaufs</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Art des Ereignisses</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Search: a name, “keypad”, “Anna”…</source>
        <translation>Suchen: ein Name, „Keypad“, „Anna“…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Im Verlauf suchen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Battery</source>
        <translation>&amp;Batterie</translation>
    </message>
    <message>
        <source>&amp;Door</source>
        <translation>&amp;Tür</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>(nothing recorded yet)</source>
        <translation>(noch nichts aufgezeichnet)</translation>
    </message>
    <message>
        <source>The history cannot be read: %1.</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Nothing recorded yet. From now on the app keeps what happens at your doors here, on this computer only.</source>
        <translation>Noch nichts aufgezeichnet. Ab jetzt hält die App hier fest, was an Ihren Türen geschieht – nur auf diesem Computer.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n Ereignis</numerusform><numerusform>%n Ereignisse</numerusform></translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>nuki-history-%1.csv</source>
        <translation>nuki-verlauf-%1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the history…</source>
        <translation>Der Verlauf wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The file could not be written: %1. Nothing was left half-written.</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1. Es blieb nichts halb geschrieben zurück.</translation>
    </message>
    <message>
        <source>an export is running</source>
        <translation>ein Export läuft</translation>
    </message>
    <message numerus="yes">
        <source>Exporting the history… %1 of %Ln event(s)</source>
        <translation><numerusform>Der Verlauf wird exportiert… %1 von %Ln Ereignis</numerusform><numerusform>Der Verlauf wird exportiert… %1 von %Ln Ereignissen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) exported to %1</source>
        <translation><numerusform>%Ln Ereignis nach %1 exportiert</numerusform><numerusform>%Ln Ereignisse nach %1 exportiert</numerusform></translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;a Nuki Bridge (the hardware bridge, or the Android software bridge);&lt;/li&gt;&lt;li&gt;its &lt;b&gt;HTTP API switched on&lt;/b&gt;: in the Nuki app, open &lt;i&gt;Manage bridge&lt;/i&gt; → &lt;i&gt;Configure bridge&lt;/i&gt; → &lt;i&gt;HTTP API&lt;/i&gt;;&lt;/li&gt;&lt;li&gt;this computer on the same network as the bridge.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;ul&gt;&lt;li&gt;eine Nuki Bridge (die Hardware-Bridge oder die Android-Software-Bridge);&lt;/li&gt;&lt;li&gt;die &lt;b&gt;eingeschaltete HTTP API&lt;/b&gt;: in der Nuki-App &lt;i&gt;Bridge verwalten&lt;/i&gt; → &lt;i&gt;Bridge konfigurieren&lt;/i&gt; → &lt;i&gt;HTTP API&lt;/i&gt;;&lt;/li&gt;&lt;li&gt;diesen Computer im selben Netzwerk wie die Bridge.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>A Nuki &amp;Bridge</source>
        <translation>Eine Nuki &amp;Bridge</translation>
    </message>
    <message>
        <source>A Smart Lock with &amp;Wi-Fi (MQTT)</source>
        <translation>Ein Smart Lock mit &amp;WLAN (MQTT)</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;a Smart Lock with Wi-Fi and &lt;b&gt;no bridge&lt;/b&gt; (3.0 Pro, 4th generation, Ultra);&lt;/li&gt;&lt;li&gt;an &lt;b&gt;MQTT broker&lt;/b&gt; on your home network (Mosquitto, for example) that the lock publishes to;&lt;/li&gt;&lt;li&gt;MQTT switched on for the lock in the Nuki app: the next page says where.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;ul&gt;&lt;li&gt;ein Smart Lock mit WLAN und &lt;b&gt;ohne Bridge&lt;/b&gt; (3.0 Pro, 4. Generation, Ultra);&lt;/li&gt;&lt;li&gt;einen &lt;b&gt;MQTT-Broker&lt;/b&gt; in Ihrem Heimnetz (zum Beispiel Mosquitto), an den das Schloss veröffentlicht;&lt;/li&gt;&lt;li&gt;MQTT für das Schloss in der Nuki App eingeschaltet: Die nächste Seite sagt, wo.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>What do you want to connect?</source>
        <translation>Was möchten Sie verbinden?</translation>
    </message>
    <message>
        <source>This assistant connects Nuki Desktop to a &lt;b&gt;Nuki Bridge&lt;/b&gt; on your network, to the &lt;b&gt;MQTT broker&lt;/b&gt; a Wi-Fi lock publishes to, or to &lt;b&gt;Nuki Web&lt;/b&gt; for when you are away.</source>
        <translation>Dieser Assistent verbindet Nuki Desktop mit einer &lt;b&gt;Nuki Bridge&lt;/b&gt; in Ihrem Netzwerk, mit dem &lt;b&gt;MQTT-Broker&lt;/b&gt;, an den ein WLAN-Schloss veröffentlicht, oder mit &lt;b&gt;Nuki Web&lt;/b&gt; für unterwegs.</translation>
    </message>
    <message>
        <source>Nuki W&amp;eb (away from home)</source>
        <translation>Nuki W&amp;eb (für unterwegs)</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;your devices added to &lt;b&gt;Nuki Web&lt;/b&gt; (in the Nuki app: &lt;i&gt;Activate Nuki Web&lt;/i&gt;);&lt;/li&gt;&lt;li&gt;an &lt;b&gt;API token&lt;/b&gt; you make in Nuki Web: the next page says how;&lt;/li&gt;&lt;li&gt;at home the bridge or broker still acts; Nuki Web steps in when they cannot be reached.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;ul&gt;&lt;li&gt;Ihre Geräte, zu &lt;b&gt;Nuki Web&lt;/b&gt; hinzugefügt (in der Nuki-App: &lt;i&gt;Nuki Web aktivieren&lt;/i&gt;);&lt;/li&gt;&lt;li&gt;ein &lt;b&gt;API-Token&lt;/b&gt;, das Sie in Nuki Web erstellen: Die nächste Seite erklärt, wie;&lt;/li&gt;&lt;li&gt;zu Hause handelt weiterhin die Bridge oder der Broker; Nuki Web springt ein, wenn sie nicht erreichbar sind.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Read the state of every device from the bridges (F5)</source>
        <translation>Den Zustand aller Geräte von den Bridges lesen (F5)</translation>
    </message>
    <message>
        <source>DEMO — simulated bridge</source>
        <translation>DEMO — simulierte Bridge</translation>
    </message>
    <message>
        <source>Everything here is simulated: no real lock is moved.</source>
        <translation>Hier ist alles simuliert: kein echtes Schloss bewegt sich.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>Demo mode: a simulated household on this computer. Try the buttons.</source>
        <translation>Demo-Modus: ein simulierter Haushalt auf diesem Computer. Probieren Sie die Knöpfe aus.</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Läuft weiter</translation>
    </message>
    <message>
        <source>Nuki Desktop keeps running in the system tray, so notifications keep coming.

To open the window again, click the tray icon. To quit, choose Quit in its menu or press %1 in the window.</source>
        <translation>Nuki Desktop läuft im Infobereich weiter, damit Benachrichtigungen weiter ankommen.

Um das Fenster wieder zu öffnen, auf das Symbol im Infobereich klicken. Zum Beenden in seinem Menü „Beenden“ wählen oder im Fenster %1 drücken.</translation>
    </message>
    <message>
        <source>Demo (simulated household)</source>
        <translation>Demo (simulierter Haushalt)</translation>
    </message>
    <message>
        <source>%1 — demo with a simulated household</source>
        <translation>%1 – Demo mit einem simulierten Haushalt</translation>
    </message>
    <message>
        <source>Filter by name, bridge or state (Ctrl+F)</source>
        <translation>Nach Name, Bridge oder Zustand filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter devices</source>
        <translation>Geräte filtern</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Bridge</source>
        <translation>&amp;Bridge</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Lock all</source>
        <translation>Alle &amp;verriegeln</translation>
    </message>
    <message>
        <source>Read every bridge, then lock every Smart Lock that is not locked</source>
        <translation>Jede Bridge abfragen, dann jedes nicht verriegelte Smart Lock verriegeln</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find device…</source>
        <translation>Gerät &amp;finden …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Nuki Desktop</source>
        <translation>&amp;Über Nuki Desktop</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>Weitere Knöpfe der Werkzeugleiste</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Window&lt;/b&gt;&lt;br&gt;%1 refresh · %2 lock all · %3 find a device · %4 settings · %5 add a bridge · %6 close the window · %7 quit&lt;/p&gt;&lt;p&gt;&lt;b&gt;On a focused device card&lt;/b&gt; (Tab moves between cards)&lt;br&gt;L lock · Ctrl+Shift+U unlock · Ctrl+Shift+O open · Ctrl+Shift+G Lock ’n’ Go · Ctrl+Shift+R Ring to Open · Ctrl+Shift+C continuous mode · Menu key: more, favourites&lt;/p&gt;&lt;p&gt;&lt;b&gt;In the filter field&lt;/b&gt;&lt;br&gt;Esc clears it&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Fenster&lt;/b&gt;&lt;br&gt;%1 aktualisieren · %2 alle verriegeln · %3 Gerät finden · %4 Einstellungen · %5 Bridge hinzufügen · %6 Fenster schließen · %7 beenden&lt;/p&gt;&lt;p&gt;&lt;b&gt;Auf einer fokussierten Gerätekarte&lt;/b&gt; (Tab wechselt zwischen Karten)&lt;br&gt;L verriegeln · Strg+Umschalt+U entriegeln · Strg+Umschalt+O öffnen · Strg+Umschalt+G Lock ’n’ Go · Strg+Umschalt+R Ring to Open · Strg+Umschalt+C Daueröffnung · Menütaste: mehr, Favoriten&lt;/p&gt;&lt;p&gt;&lt;b&gt;Im Filterfeld&lt;/b&gt;&lt;br&gt;Esc leert es&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Nuki Desktop</source>
        <translation>Über Nuki Desktop</translation>
    </message>
    <message>
        <source>Nuki Desktop %1: Nuki Smart Locks, Openers and door sensors through a Nuki Bridge's local HTTP API.</source>
        <translation>Nuki Desktop %1: Nuki Smart Locks, Opener und Türsensoren über die lokale HTTP-API einer Nuki Bridge.</translation>
    </message>
    <message>
        <source>&amp;Add bridge or Wi-Fi lock…</source>
        <translation>Bridge oder WLAN-Schloss &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>Nuki Web at %1</source>
        <translation>Nuki Web unter %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message numerus="yes">
        <source>It acts for devices no bridge or broker reaches now, and reads them every %n second(s).</source>
        <translation><numerusform>Nuki Web handelt für Geräte, die gerade keine Bridge und kein Broker erreicht, und liest sie im Abstand von %n Sekunde.</numerusform><numerusform>Nuki Web handelt für Geräte, die gerade keine Bridge und kein Broker erreicht, und liest sie im Abstand von %n Sekunden.</numerusform></translation>
    </message>
    <message>
        <source>Every device is reached at home: only its log is read (about every 5 minutes), for who did what.</source>
        <translation>Jedes Gerät ist zu Hause erreichbar: Nur sein Protokoll wird gelesen (etwa alle 5 Minuten), um zu sehen, wer was getan hat.</translation>
    </message>
    <message>
        <source>The API token does not allow reading the log (smartlock.log).</source>
        <translation>Das API-Token erlaubt nicht, das Protokoll zu lesen (smartlock.log).</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) to Nuki Web in this run.</source>
        <translation><numerusform>%n Anfrage an Nuki Web in diesem Lauf.</numerusform><numerusform>%n Anfragen an Nuki Web in diesem Lauf.</numerusform></translation>
    </message>
    <message>
        <source>Nuki Web</source>
        <translation>Nuki Web</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Automations paused — resume</source>
        <translation>Automatisierungen pausiert — fortsetzen</translation>
    </message>
    <message>
        <source>Automations armed — pause</source>
        <translation>Automatisierungen scharf — pausieren</translation>
    </message>
    <message>
        <source>Reminders on — pause</source>
        <translation>Erinnerungen an — pausieren</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>by the lock's button</source>
        <translation>mit der Taste am Schloss</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No keychain is available on this desktop (a Secret Service such as GNOME Keyring or KWallet).</source>
        <translation>Auf diesem Desktop ist kein Schlüsselbund verfügbar (ein Secret Service wie GNOME Keyring oder KWallet).</translation>
    </message>
    <message>
        <source>The keychain refused access.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <source>No token is stored for this bridge.</source>
        <translation>Für diese Bridge ist kein Token gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often the bridge's list is read. It does not wake the locks.</source>
        <translation>Wie oft die Liste der Bridge gelesen wird. Das weckt die Schlösser nicht.</translation>
    </message>
    <message>
        <source>Ask before opening a door (unlatch, buzz)</source>
        <translation>Vor dem Öffnen einer Tür fragen (Falle ziehen, Summer)</translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Check the bridges every</source>
        <translation>Bridges abfragen alle</translation>
    </message>
    <message>
        <source>Notify me when</source>
        <translation>Benachrichtigen, wenn</translation>
    </message>
    <message>
        <source>a door opens or closes</source>
        <translation>eine Tür geöffnet oder geschlossen wird</translation>
    </message>
    <message>
        <source>someone else locks or unlocks (by hand, keypad, app)</source>
        <translation>jemand anderes ver- oder entriegelt (von Hand, Keypad, App)</translation>
    </message>
    <message>
        <source>someone rings at the Opener</source>
        <translation>jemand am Opener klingelt</translation>
    </message>
    <message>
        <source>a battery becomes critical</source>
        <translation>eine Batterie kritisch wird</translation>
    </message>
    <message>
        <source>a bridge is offline for a few minutes</source>
        <translation>eine Bridge einige Minuten offline ist</translation>
    </message>
    <message>
        <source>a bridge rejects the token</source>
        <translation>eine Bridge das Token ablehnt</translation>
    </message>
    <message>
        <source>an action fails or its outcome is unknown</source>
        <translation>eine Aktion fehlschlägt oder ihr Ergebnis unbekannt ist</translation>
    </message>
    <message>
        <source>Bridges</source>
        <translation>Bridges</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Rename bridge</source>
        <translation>Bridge umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Remove bridge</source>
        <translation>Bridge entfernen</translation>
    </message>
    <message>
        <source>Remove “%1” and its token from this computer?</source>
        <translation>„%1“ und sein Token von diesem Computer entfernen?</translation>
    </message>
    <message>
        <source>Not in demo mode: the demo does not change how this computer starts.</source>
        <translation>Nicht im Demo-Modus: Die Demo ändert nichts daran, wie dieser Computer startet.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Names for the numbers a Wi-Fi lock reports, one per line, for example “8193 = Anna”.</source>
        <translation>Namen für die Nummern, die ein WLAN-Schloss meldet, einer pro Zeile, zum Beispiel „8193 = Anna“.</translation>
    </message>
    <message>
        <source>Names for auth and code ids</source>
        <translation>Namen für Berechtigungs- und Code-Nummern</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Older events leave the history, on this computer only. Takes effect at the next start.</source>
        <translation>Ältere Ereignisse verlassen den Verlauf (nur auf diesem Computer). Wirkt beim nächsten Start.</translation>
    </message>
    <message>
        <source>Keep the history for</source>
        <translation>Verlauf aufbewahren für</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Automations</source>
        <translation>Automatisierungen</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Enter the bridge's token</source>
        <translation>Token der Bridge eingeben</translation>
    </message>
    <message>
        <source>Bridges found on your network</source>
        <translation>Im Netzwerk gefundene Bridges</translation>
    </message>
    <message>
        <source>Bridge address</source>
        <translation>Adresse der Bridge</translation>
    </message>
    <message>
        <source>Bridge port</source>
        <translation>Port der Bridge</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Time left to press the bridge's button</source>
        <translation>Verbleibende Zeit, um den Knopf der Bridge zu drücken</translation>
    </message>
    <message>
        <source>Devices of this bridge</source>
        <translation>Geräte dieser Bridge</translation>
    </message>
    <message>
        <source>Name for this bridge</source>
        <translation>Name für diese Bridge</translation>
    </message>
    <message>
        <source>Locks found on the broker</source>
        <translation>Auf dem Broker gefundene Schlösser</translation>
    </message>
    <message>
        <source>Add a Nuki Bridge, a Wi-Fi lock or Nuki Web</source>
        <translation>Nuki Bridge, WLAN-Schloss oder Nuki Web hinzufügen</translation>
    </message>
</context>
<context>
    <name>SourceHeader</name>
    <message>
        <source>Enter new token…</source>
        <translation>Neues Token eingeben …</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details …</translation>
    </message>
    <message>
        <source>Bridge %1</source>
        <translation>Bridge %1</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>Details zu %1</translation>
    </message>
    <message>
        <source>Enter a new token for %1</source>
        <translation>Neuen Token für %1 eingeben</translation>
    </message>
    <message>
        <source>instant updates</source>
        <translation>sofortige Updates</translation>
    </message>
    <message numerus="yes">
        <source>checked every %n s</source>
        <translation><numerusform>alle %n s abgefragt</numerusform><numerusform>alle %n s abgefragt</numerusform></translation>
    </message>
    <message>
        <source>The bridge rejected the token, so the devices below may be out of date. Enter the token again.</source>
        <translation>Die Bridge hat das Token abgelehnt, die Geräte unten sind daher eventuell nicht aktuell. Bitte das Token erneut eingeben.</translation>
    </message>
    <message>
        <source>Cannot reach %1 — showing what was last seen %2.</source>
        <translation>%1 ist nicht erreichbar – angezeigt wird der Stand von %2.</translation>
    </message>
    <message numerus="yes">
        <source>The bridge's clock differs from this computer's by %n second(s). This app adjusts for it; other apps may fail to connect.</source>
        <translation><numerusform>Die Uhr der Bridge weicht %n Sekunde von diesem Computer ab. Diese App gleicht das aus; andere Apps können sich eventuell nicht verbinden.</numerusform><numerusform>Die Uhr der Bridge weicht %n Sekunden von diesem Computer ab. Diese App gleicht das aus; andere Apps können sich eventuell nicht verbinden.</numerusform></translation>
    </message>
    <message>
        <source>The devices below may be out of date. Check the user name and password ('nukictl add-broker').</source>
        <translation>Die Geräte unten sind vielleicht nicht aktuell. Benutzername und Passwort prüfen ('nukictl add-broker').</translation>
    </message>
    <message>
        <source>The devices below may be out of date. Make a new API token in Nuki Web and add it again ('nukictl add-web').</source>
        <translation>Die Geräte unten sind vielleicht nicht aktuell. Ein neues API-Token in Nuki Web erstellen und erneut hinzufügen ('nukictl add-web').</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>The bridge gives its API token to those who can press its button. Or type the token shown in the Nuki app (Manage bridge → HTTP API).</source>
        <translation>Die Bridge gibt ihr API-Token heraus, wenn jemand ihren Knopf drückt. Oder das Token aus der Nuki-App eintippen (Bridge verwalten → HTTP API).</translation>
    </message>
    <message>
        <source>Get the token with the bridge's button</source>
        <translation>Token mit dem Knopf der Bridge holen</translation>
    </message>
    <message>
        <source>Token (6 to 20 characters):</source>
        <translation>Token (6 bis 20 Zeichen):</translation>
    </message>
    <message>
        <source>The bridge's API token</source>
        <translation>Das API-Token der Bridge</translation>
    </message>
    <message>
        <source>A token has 6 to 20 characters (the Nuki app may allow longer ones, but the bridge only accepts 20).</source>
        <translation>Ein Token hat 6 bis 20 Zeichen (die Nuki-App erlaubt eventuell längere, die Bridge akzeptiert aber nur 20).</translation>
    </message>
    <message numerus="yes">
        <source>%n s left to press the button</source>
        <translation><numerusform>Noch %n s, um den Knopf zu drücken</numerusform><numerusform>Noch %n s, um den Knopf zu drücken</numerusform></translation>
    </message>
    <message>
        <source>Bridge at %1:%2</source>
        <translation>Bridge unter %1:%2</translation>
    </message>
    <message>
        <source>Now press the button on the bridge once (its light is on).</source>
        <translation>Jetzt einmal den Knopf der Bridge drücken (ihr Licht leuchtet).</translation>
    </message>
    <message>
        <source>Got the token.</source>
        <translation>Token erhalten.</translation>
    </message>
    <message>
        <source>Getting the token with the button is switched off for this bridge. Switch it on in the Nuki app, or type the token below.</source>
        <translation>Das Holen des Tokens per Knopf ist bei dieser Bridge ausgeschaltet. In der Nuki-App einschalten oder das Token unten eintippen.</translation>
    </message>
    <message>
        <source>The button was not pressed within 30 seconds. Try again, or type the token below.</source>
        <translation>Der Knopf wurde nicht innerhalb von 30 Sekunden gedrückt. Erneut versuchen oder das Token unten eintippen.</translation>
    </message>
    <message>
        <source>Looking for the bridge at %1:%2…</source>
        <translation>Suche die Bridge unter %1:%2 …</translation>
    </message>
    <message>
        <source>Nothing answers at %1:%2. Check the address and the port (the HTTP API must be switched on in the Nuki app), then try again.</source>
        <translation>Unter %1:%2 antwortet nichts. Prüfen Sie Adresse und Port (die HTTP-API muss in der Nuki-App eingeschaltet sein) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Lock all</source>
        <translation>Alle verriegeln</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Open window</source>
        <translation>Fenster öffnen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>, door open</source>
        <translation>, Tür offen</translation>
    </message>
    <message>
        <source> (working…)</source>
        <translation> (läuft …)</translation>
    </message>
    <message>
        <source>, battery critical</source>
        <translation>, Batterie kritisch</translation>
    </message>
    <message>
        <source>No devices yet</source>
        <translation>Noch keine Geräte</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>A door is open</source>
        <translation>Eine Tür ist offen</translation>
    </message>
    <message>
        <source>Something is unlocked</source>
        <translation>Etwas ist entriegelt</translation>
    </message>
    <message>
        <source>All locked</source>
        <translation>Alles verriegelt</translation>
    </message>
    <message>
        <source>%1: locked</source>
        <translation>%1: verriegelt</translation>
    </message>
    <message>
        <source>%1: outcome unknown — check the door</source>
        <translation>%1: Ergebnis unbekannt – bitte die Tür prüfen</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: fehlgeschlagen – %2</translation>
    </message>
    <message>
        <source>%1: not locked, its state could not be read — %2</source>
        <translation>%1: nicht verriegelt, der Zustand konnte nicht gelesen werden – %2</translation>
    </message>
    <message>
        <source>%1: was already locked</source>
        <translation>%1: war schon verriegelt</translation>
    </message>
    <message>
        <source>%1: busy with another action</source>
        <translation>%1: mit einer anderen Aktion beschäftigt</translation>
    </message>
    <message>
        <source>There is no Smart Lock to lock.</source>
        <translation>Es gibt kein Smart Lock zum Verriegeln.</translation>
    </message>
    <message>
        <source> (last seen, not confirmed yet)</source>
        <translation> (zuletzt gesehen, noch nicht bestätigt)</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message numerus="yes">
        <source>All %n devices…</source>
        <translation><numerusform>Alle %n Geräte …</numerusform><numerusform>Alle %n Geräte …</numerusform></translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <source>%1: not locked — %2</source>
        <translation>%1: nicht verriegelt — %2</translation>
    </message>
    <message>
        <source>Pause automations</source>
        <translation>Automatisierungen pausieren</translation>
    </message>
    <message>
        <source>Automation: %1</source>
        <translation>Automatisierung: %1</translation>
    </message>
    <message>
        <source>Pause automations (armed)</source>
        <translation>Automatisierungen pausieren (scharf)</translation>
    </message>
</context>
<context>
    <name>WebPage</name>
    <message>
        <source>Nuki Web: an API token</source>
        <translation>Nuki Web: ein API-Token</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Open &lt;b&gt;Nuki Web&lt;/b&gt; (web.nuki.io) and sign in.&lt;/li&gt;&lt;li&gt;Open &lt;i&gt;API&lt;/i&gt;, then &lt;i&gt;Generate API token&lt;/i&gt;; name it, for example, “Nuki Desktop”.&lt;/li&gt;&lt;li&gt;Tick exactly these scopes: &lt;b&gt;smartlock.readOnly&lt;/b&gt; (see the devices), &lt;b&gt;smartlock.action&lt;/b&gt; (lock and unlock), &lt;b&gt;smartlock.log&lt;/b&gt; (who did what, for the history). Nothing more is needed: &lt;i&gt;smartlock.auth&lt;/i&gt; would also show the keypad codes themselves.&lt;/li&gt;&lt;li&gt;Save, copy the token (Nuki Web shows it once) and paste it below.&lt;/li&gt;&lt;/ol&gt;The token works like a password for your locks: it is kept in the keychain only.</source>
        <translation>&lt;ol&gt;&lt;li&gt;&lt;b&gt;Nuki Web&lt;/b&gt; (web.nuki.io) öffnen und anmelden.&lt;/li&gt;&lt;li&gt;&lt;i&gt;API&lt;/i&gt; öffnen, dann &lt;i&gt;API-Token generieren&lt;/i&gt;; einen Namen vergeben, zum Beispiel „Nuki Desktop“.&lt;/li&gt;&lt;li&gt;Genau diese Berechtigungen ankreuzen: &lt;b&gt;smartlock.readOnly&lt;/b&gt; (die Geräte sehen), &lt;b&gt;smartlock.action&lt;/b&gt; (ver- und entriegeln), &lt;b&gt;smartlock.log&lt;/b&gt; (wer was getan hat, für den Verlauf). Mehr ist nicht nötig: &lt;i&gt;smartlock.auth&lt;/i&gt; würde auch die Keypad-Codes selbst zeigen.&lt;/li&gt;&lt;li&gt;Speichern, das Token kopieren (Nuki Web zeigt es nur einmal) und unten einfügen.&lt;/li&gt;&lt;/ol&gt;Das Token wirkt wie ein Passwort für Ihre Schlösser: Es wird nur im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Nuki Web API token</source>
        <translation>API-Token für Nuki Web</translation>
    </message>
    <message>
        <source>&amp;Test the token</source>
        <translation>Token &amp;testen</translation>
    </message>
    <message>
        <source>Paste the API token first.</source>
        <translation>Zuerst das API-Token einfügen.</translation>
    </message>
    <message>
        <source>Asking Nuki Web…</source>
        <translation>Nuki Web wird gefragt…</translation>
    </message>
    <message>
        <source>Nuki Web does not accept this token. Check that it was copied whole, and that it has the scope smartlock.readOnly.</source>
        <translation>Nuki Web nimmt dieses Token nicht an. Prüfen Sie, ob es vollständig kopiert wurde und ob es die Berechtigung smartlock.readOnly hat.</translation>
    </message>
    <message>
        <source> — known at home through %1</source>
        <translation> — zu Hause bekannt über %1</translation>
    </message>
    <message>
        <source> (Nuki Web cannot reach it now)</source>
        <translation> (Nuki Web erreicht es gerade nicht)</translation>
    </message>
    <message numerus="yes">
        <source>Nuki Web accepts the token. The account has %n device(s):</source>
        <translation><numerusform>Nuki Web nimmt das Token an. Das Konto hat %n Gerät:</numerusform><numerusform>Nuki Web nimmt das Token an. Das Konto hat %n Geräte:</numerusform></translation>
    </message>
    <message>
        <source>The token lacks smartlock.log: the history will not say who did what. You can make a new token with it later.</source>
        <translation>Dem Token fehlt smartlock.log: Der Verlauf wird nicht zeigen, wer was getan hat. Sie können später ein neues Token damit erstellen.</translation>
    </message>
    <message>
        <source>At home, the bridges and brokers keep acting; Nuki Web steps in for a device when they cannot reach it.</source>
        <translation>Zu Hause handeln weiterhin die Bridges und Broker; Nuki Web springt für ein Gerät ein, wenn sie es nicht erreichen.</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>DOOR</source>
        <translation>TÜR</translation>
    </message>
    <message>
        <source>BATTERY</source>
        <translation>BATTERIE</translation>
    </message>
    <message>
        <source>BRIDGE</source>
        <translation>BRIDGE</translation>
    </message>
    <message>
        <source> critical</source>
        <translation> kritisch</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Battery %1%</source>
        <translation>Batterie %1 %</translation>
    </message>
    <message>
        <source>Battery critical</source>
        <translation>Batterie kritisch</translation>
    </message>
    <message>
        <source>Keypad battery critical</source>
        <translation>Keypad-Batterie kritisch</translation>
    </message>
    <message>
        <source>Refusing to open a door without confirmation: no terminal to ask on. Add --yes to confirm.</source>
        <translation>Öffne keine Tür ohne Bestätigung: kein Terminal zum Nachfragen. Zum Bestätigen --yes angeben.</translation>
    </message>
    <message>
        <source> [y/N] </source>
        <translation> [j/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>j</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Usage: nukictl %1 on|off DEVICE</source>
        <translation>Aufruf: nukictl %1 on|off GERÄT</translation>
    </message>
    <message>
        <source>Which device? Usage: nukictl %1 DEVICE</source>
        <translation>Welches Gerät? Aufruf: nukictl %1 GERÄT</translation>
    </message>
    <message>
        <source>Open “%1” now?</source>
        <translation>„%1“ jetzt öffnen?</translation>
    </message>
    <message>
        <source>accepted by the bridge</source>
        <translation>von der Bridge angenommen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>outcome unknown — check the door. </source>
        <translation>Ergebnis unbekannt — bitte die Tür prüfen. </translation>
    </message>
    <message>
        <source> failed: </source>
        <translation> fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Bridge %1 cannot be reached.</source>
        <translation>Bridge %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Bridge %1 rejected the token.</source>
        <translation>Bridge %1 hat das Token abgelehnt.</translation>
    </message>
    <message>
        <source>Usage: nukictl callbacks remove ID</source>
        <translation>Aufruf: nukictl callbacks remove ID</translation>
    </message>
    <message>
        <source>The bridge did not remove it: %1</source>
        <translation>Die Bridge hat ihn nicht entfernt: %1</translation>
    </message>
    <message>
        <source>Removed callback %1.</source>
        <translation>Callback %1 entfernt.</translation>
    </message>
    <message>
        <source>No callbacks registered (%1 of 3 slots free).</source>
        <translation>Keine Callbacks eingetragen (%1 von 3 Plätzen frei).</translation>
    </message>
    <message>
        <source>The bridge accepted the request.</source>
        <translation>Die Bridge hat die Anfrage angenommen.</translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>bridge %1: discovery switched off on it</source>
        <translation>Bridge %1: Suche dort ausgeschaltet</translation>
    </message>
    <message>
        <source>Press the button on the bridge now (30 s)…</source>
        <translation>Jetzt den Knopf der Bridge drücken (30 s) …</translation>
    </message>
    <message>
        <source>Where should the token go? Use --token-file FILE (written readable by you only), or 'nukictl add-bridge --button' to keep it in the keychain.</source>
        <translation>Wohin mit dem Token? --token-file DATEI verwenden (nur für Sie lesbar) oder 'nukictl add-bridge --button', um es im Schlüsselbund zu speichern.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Token written to %1.</source>
        <translation>Token in %1 geschrieben.</translation>
    </message>
    <message>
        <source>The token could not be stored in the keychain: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Added %1 (%2:%3).</source>
        <translation>%1 hinzugefügt (%2:%3).</translation>
    </message>
    <message>
        <source>%1: push — changes show as they happen (and a read every minute as a safety net).</source>
        <translation>%1: Push – Änderungen erscheinen, sobald sie passieren (und zur Sicherheit eine Abfrage pro Minute).</translation>
    </message>
    <message>
        <source>%1: polling every %2 s.</source>
        <translation>%1: Abfrage alle %2 s.</translation>
    </message>
    <message>
        <source>Usage: nukictl callbacks [list|remove ID]</source>
        <translation>Aufruf: nukictl callbacks [list|remove ID]</translation>
    </message>
    <message>
        <source>“%1” (%2): '%3' does not apply. A lock knows lock, unlock, open, lockngo; an Opener knows open, rto and cm.</source>
        <translation>„%1“ (%2): '%3' passt nicht. Ein Schloss kennt lock, unlock, open, lockngo; ein Opener kennt open, rto und cm.</translation>
    </message>
    <message>
        <source>A software bridge or very old firmware accepts only the token itself: if yours is one, add --auth plain (anyone on your network can then read the token).</source>
        <translation>Eine Software-Bridge oder sehr alte Firmware nimmt nur das Token selbst an: Ist Ihre so eine, fügen Sie --auth plain hinzu (dann kann jeder in Ihrem Netz das Token mitlesen).</translation>
    </message>
    <message>
        <source>Nuki state %1</source>
        <translation>Nuki-Zustand %1</translation>
    </message>
    <message>
        <source>“%1”: %2 works only with a Wi-Fi lock on an MQTT broker (--broker).</source>
        <translation>„%1“: %2 geht nur mit einem WLAN-Schloss an einem MQTT-Broker (--broker).</translation>
    </message>
    <message>
        <source>“%1” cannot take an action now.</source>
        <translation>„%1“ kann gerade keine Aktion annehmen.</translation>
    </message>
    <message>
        <source>Which broker? Use --broker HOST[:PORT].</source>
        <translation>Welcher Broker? --broker HOST[:PORT] angeben.</translation>
    </message>
    <message>
        <source>The password could not be stored in the keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Added %1 (%2:%3) with %n lock(s).</source>
        <translation><numerusform>%1 (%2:%3) mit %n Schloss hinzugefügt.</numerusform><numerusform>%1 (%2:%3) mit %n Schlössern hinzugefügt.</numerusform></translation>
    </message>
    <message>
        <source>%1: MQTT — changes show as the locks publish them.</source>
        <translation>%1: MQTT — Änderungen erscheinen, sobald die Schlösser sie melden.</translation>
    </message>
    <message>
        <source>No history to show: %1 (%2).</source>
        <translation>Kein Verlauf zum Anzeigen: %1 (%2).</translation>
    </message>
    <message>
        <source>--since: “%1” is not a time (try 2026-12-01, "2026-12-01 07:30", yesterday or 7d).</source>
        <translation>--since: „%1“ ist keine Zeitangabe (versuchen Sie 2026-12-01, "2026-12-01 07:30", yesterday oder 7d).</translation>
    </message>
    <message>
        <source>--until: “%1” is not a time.</source>
        <translation>--until: „%1“ ist keine Zeitangabe.</translation>
    </message>
    <message>
        <source>The history knows no device “%1”.</source>
        <translation>Der Verlauf kennt kein Gerät „%1“.</translation>
    </message>
    <message>
        <source>“%1” fits several devices; be more precise.</source>
        <translation>„%1“ passt auf mehrere Geräte; bitte genauer.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Nothing recorded for this choice.</source>
        <translation>Für diese Auswahl ist nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>(Not kept in the history: %1.)</source>
        <translation>(Nicht im Verlauf festgehalten: %1.)</translation>
    </message>
    <message>
        <source>--since must be before --until.</source>
        <translation>--since muss vor --until liegen.</translation>
    </message>
    <message>
        <source>--since: “%1” never happened here: the clocks skip that hour when summer time begins. Give a time an hour later or earlier.</source>
        <translation>--since: „%1“ gab es hier nie: Die Uhren überspringen diese Stunde, wenn die Sommerzeit beginnt. Geben Sie eine Zeit eine Stunde später oder früher an.</translation>
    </message>
    <message>
        <source>--until: “%1” never happened here: the clocks skip that hour when summer time begins. Give a time an hour later or earlier.</source>
        <translation>--until: „%1“ gab es hier nie: Die Uhren überspringen diese Stunde, wenn die Sommerzeit beginnt. Geben Sie eine Zeit eine Stunde später oder früher an.</translation>
    </message>
    <message>
        <source>state not known</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <source>not connected (last seen %1)</source>
        <translation>nicht verbunden (zuletzt %1)</translation>
    </message>
    <message>
        <source>not connected (last seen %1, %2)</source>
        <translation>nicht verbunden (zuletzt %1, %2)</translation>
    </message>
    <message>
        <source>check the door</source>
        <translation>Tür prüfen</translation>
    </message>
    <message>
        <source>outcome unknown — </source>
        <translation>Ergebnis unbekannt — </translation>
    </message>
    <message>
        <source>The API token could not be stored in the keychain: %1</source>
        <translation>Das API-Token konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Added Nuki Web (%1) with %n device(s).</source>
        <translation><numerusform>Nuki Web (%1) mit %n Gerät hinzugefügt.</numerusform><numerusform>Nuki Web (%1) mit %n Geräten hinzugefügt.</numerusform></translation>
    </message>
    <message>
        <source>--kind: “%1” is none of action, change, door, ring, battery, link, automation.</source>
        <translation>--kind: „%1“ ist nichts von action, change, door, ring, battery, link, automation.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Controls Nuki Smart Locks and Openers through a Nuki Bridge's local HTTP API.</source>
        <translation>Steuert Nuki Smart Locks und Opener über die lokale HTTP-API einer Nuki Bridge.</translation>
    </message>
    <message>
        <source>Start with a simulated bridge and household (no setup).</source>
        <translation>Mit einer simulierten Bridge und einem simulierten Haushalt starten (ohne Einrichtung).</translation>
    </message>
    <message>
        <source>Start hidden in the tray.</source>
        <translation>Versteckt im Infobereich starten.</translation>
    </message>
    <message>
        <source>Use this settings file.</source>
        <translation>Diese Einstellungsdatei verwenden.</translation>
    </message>
    <message>
        <source>Keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>nuki-desktop: no display to show a window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it in a desktop session.
</source>
        <translation>nuki-desktop: keine Anzeige für ein Fenster (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Bitte in einer Desktop-Sitzung starten.
</translation>
    </message>
    <message>
        <source>nuki-desktop: already running in this session with these settings; raised its window.
</source>
        <translation>nuki-desktop: läuft in dieser Sitzung mit diesen Einstellungen bereits; sein Fenster wurde nach vorn geholt.
</translation>
    </message>
    <message>
        <source>Finishing: waiting for running actions and taking this app's callback off the bridges…</source>
        <translation>Wird beendet: warte auf laufende Aktionen und nehme den Callback dieser App von den Bridges …</translation>
    </message>
</context>
<context>
    <name>nuki</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <source>Token rejected</source>
        <translation>Token abgelehnt</translation>
    </message>
    <message>
        <source>The bridge's answer is too large (%1 bytes).</source>
        <translation>Die Antwort der Bridge ist zu groß (%1 Bytes).</translation>
    </message>
    <message>
        <source>The bridge's answer is not valid JSON (%1).</source>
        <translation>Die Antwort der Bridge ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>The bridge's answer has an unexpected shape.</source>
        <translation>Die Antwort der Bridge hat eine unerwartete Form.</translation>
    </message>
    <message>
        <source>The bridge's device list has an unexpected shape.</source>
        <translation>Die Geräteliste der Bridge hat eine unerwartete Form.</translation>
    </message>
    <message>
        <source>The bridge's information lacks its type or id.</source>
        <translation>Den Informationen der Bridge fehlen Typ oder Kennung.</translation>
    </message>
    <message>
        <source>The lock's state is missing in the bridge's answer.</source>
        <translation>In der Antwort der Bridge fehlt der Zustand des Schlosses.</translation>
    </message>
    <message>
        <source>The bridge's answer does not say whether the action succeeded.</source>
        <translation>Die Antwort der Bridge sagt nicht, ob die Aktion gelungen ist.</translation>
    </message>
    <message>
        <source>The bridge's callback list has an unexpected shape.</source>
        <translation>Die Callback-Liste der Bridge hat eine unerwartete Form.</translation>
    </message>
    <message>
        <source>The bridge's notification lacks the device or its state.</source>
        <translation>Der Meldung der Bridge fehlen das Gerät oder sein Zustand.</translation>
    </message>
    <message>
        <source>The bridge's log has an unexpected shape.</source>
        <translation>Das Protokoll der Bridge hat eine unerwartete Form.</translation>
    </message>
    <message>
        <source>The discovery service reported an error.</source>
        <translation>Der Suchdienst hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The bridge confirmed but sent no token.</source>
        <translation>Die Bridge hat bestätigt, aber kein Token geschickt.</translation>
    </message>
    <message>
        <source>Smart Lock</source>
        <translation>Smart Lock</translation>
    </message>
    <message>
        <source>Opener</source>
        <translation>Opener</translation>
    </message>
    <message>
        <source>Smart Door</source>
        <translation>Smart Door</translation>
    </message>
    <message>
        <source>Smart Lock 3.0 / 4th gen</source>
        <translation>Smart Lock 3.0 / 4. Generation</translation>
    </message>
    <message>
        <source>Unknown device (type %1)</source>
        <translation>Unbekanntes Gerät (Typ %1)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Untrained</source>
        <translation>Nicht angelernt</translation>
    </message>
    <message>
        <source>Ring to Open active</source>
        <translation>Ring to Open aktiv</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Öffnet …</translation>
    </message>
    <message>
        <source>Boot run</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Undefined</source>
        <translation>Undefiniert</translation>
    </message>
    <message>
        <source>Uncalibrated</source>
        <translation>Nicht kalibriert</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verriegelt</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Entriegelt …</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Entriegelt</translation>
    </message>
    <message>
        <source>Locking…</source>
        <translation>Verriegelt …</translation>
    </message>
    <message>
        <source>Unlatched</source>
        <translation>Falle gezogen</translation>
    </message>
    <message>
        <source>Unlocked (Lock ’n’ Go)</source>
        <translation>Entriegelt (Lock ’n’ Go)</translation>
    </message>
    <message>
        <source>Unlatching…</source>
        <translation>Zieht die Falle …</translation>
    </message>
    <message>
        <source>Motor blocked</source>
        <translation>Motor blockiert</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>Unbekannt (%1)</translation>
    </message>
    <message>
        <source>Door sensor off</source>
        <translation>Türsensor aus</translation>
    </message>
    <message>
        <source>Door closed</source>
        <translation>Tür geschlossen</translation>
    </message>
    <message>
        <source>Door open</source>
        <translation>Tür offen</translation>
    </message>
    <message>
        <source>Door state unknown</source>
        <translation>Türzustand unbekannt</translation>
    </message>
    <message>
        <source>Door sensor calibrating</source>
        <translation>Türsensor kalibriert</translation>
    </message>
    <message>
        <source>Door sensor not calibrated</source>
        <translation>Türsensor nicht kalibriert</translation>
    </message>
    <message>
        <source>Door sensor removed or tampered</source>
        <translation>Türsensor entfernt oder manipuliert</translation>
    </message>
    <message>
        <source>Door sensor: unknown (%1)</source>
        <translation>Türsensor: unbekannt (%1)</translation>
    </message>
    <message>
        <source>Ring to Open on</source>
        <translation>Ring to Open ein</translation>
    </message>
    <message>
        <source>Ring to Open off</source>
        <translation>Ring to Open aus</translation>
    </message>
    <message>
        <source>Continuous mode on</source>
        <translation>Daueröffnung ein</translation>
    </message>
    <message>
        <source>Continuous mode off</source>
        <translation>Daueröffnung aus</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entriegeln</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verriegeln</translation>
    </message>
    <message>
        <source>Lock ’n’ Go</source>
        <translation>Lock ’n’ Go</translation>
    </message>
    <message>
        <source>Lock ’n’ Go and open</source>
        <translation>Lock ’n’ Go und öffnen</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <source>Lock ’n’ Go and open…</source>
        <translation>Lock ’n’ Go und öffnen …</translation>
    </message>
    <message>
        <source>Ring to Open</source>
        <translation>Ring to Open</translation>
    </message>
    <message>
        <source>Continuous mode</source>
        <translation>Daueröffnung</translation>
    </message>
    <message>
        <source>Open (buzz the door)…</source>
        <translation>Öffnen (Türsummer) …</translation>
    </message>
    <message>
        <source>The broker refused the user name or password.</source>
        <translation>Der Broker hat Benutzername oder Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The broker refused this app's client id.</source>
        <translation>Der Broker hat die Client-ID dieser App abgelehnt.</translation>
    </message>
    <message>
        <source>The broker refused the connection: %1.</source>
        <translation>Der Broker hat die Verbindung abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Full lock</source>
        <translation>Doppelt verriegeln</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Lock ’n’ Go and opened</source>
        <translation>Lock ’n’ Go und geöffnet</translation>
    </message>
    <message>
        <source>Fully locked</source>
        <translation>Doppelt verriegelt</translation>
    </message>
    <message>
        <source>Fob pressed</source>
        <translation>Fob gedrückt</translation>
    </message>
    <message>
        <source>Button pressed</source>
        <translation>Taste gedrückt</translation>
    </message>
    <message>
        <source>by fingerprint %1</source>
        <translation>per Fingerabdruck %1</translation>
    </message>
    <message>
        <source>with keypad code %1</source>
        <translation>mit Keypad-Code %1</translation>
    </message>
    <message>
        <source>by the app (%1)</source>
        <translation>per App (%1)</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>by the app</source>
        <translation>per App</translation>
    </message>
    <message numerus="yes">
        <source>by the lock's button (%n presses)</source>
        <translation><numerusform>mit der Taste am Schloss (%n Druck)</numerusform><numerusform>mit der Taste am Schloss (%n Drücke)</numerusform></translation>
    </message>
    <message>
        <source>automatically (a time control)</source>
        <translation>automatisch (eine Zeitsteuerung)</translation>
    </message>
    <message>
        <source>by auto lock</source>
        <translation>durch automatisches Verriegeln</translation>
    </message>
    <message>
        <source>through HomeKit/Matter</source>
        <translation>über HomeKit/Matter</translation>
    </message>
    <message>
        <source>through MQTT</source>
        <translation>über MQTT</translation>
    </message>
    <message>
        <source>(trigger %1)</source>
        <translation>(Auslöser %1)</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to the broker at %1:%2 failed: the broker's certificate was not accepted (check the CA certificate, and that the address is the name the certificate was made for), or this port does not speak TLS.</source>
        <translation>Die sichere Verbindung (TLS) zum Broker unter %1:%2 ist fehlgeschlagen: Das Zertifikat des Brokers wurde nicht angenommen (prüfen Sie das CA-Zertifikat und ob die Adresse der Name ist, für den das Zertifikat ausgestellt wurde), oder dieser Port spricht kein TLS.</translation>
    </message>
    <message>
        <source>%1 through the bridge by another program</source>
        <translation>%1 über die Bridge durch ein anderes Programm</translation>
    </message>
    <message>
        <source>Our actions</source>
        <translation>Unsere Aktionen</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Door opened and closed</source>
        <translation>Tür geöffnet und geschlossen</translation>
    </message>
    <message>
        <source>Rings</source>
        <translation>Klingeln</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>Bridges and brokers</source>
        <translation>Bridges und Broker</translation>
    </message>
    <message>
        <source>from the window</source>
        <translation>aus dem Fenster</translation>
    </message>
    <message>
        <source>from the tray</source>
        <translation>aus der Taskleiste</translation>
    </message>
    <message>
        <source>with nukictl</source>
        <translation>mit nukictl</translation>
    </message>
    <message>
        <source>with Lock all</source>
        <translation>mit „Alle verriegeln“</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>A device</source>
        <translation>Ein Gerät</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no outcome recorded</source>
        <translation>kein Ergebnis aufgezeichnet</translation>
    </message>
    <message>
        <source>done in %1</source>
        <translation>erledigt in %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>outcome unknown: %1</source>
        <translation>Ergebnis unbekannt: %1</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>%1: %2 (learned afterwards from the bridge's log)</source>
        <translation>%1: %2 (nachträglich aus dem Protokoll der Bridge)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: door opened</source>
        <translation>%1: Tür geöffnet</translation>
    </message>
    <message>
        <source>%1: door closed after %2 open</source>
        <translation>%1: Tür nach %2 geschlossen</translation>
    </message>
    <message>
        <source>%1: door closed</source>
        <translation>%1: Tür geschlossen</translation>
    </message>
    <message>
        <source>%1: someone rang</source>
        <translation>%1: es hat geklingelt</translation>
    </message>
    <message>
        <source>battery %1 %</source>
        <translation>Batterie %1 %</translation>
    </message>
    <message>
        <source>battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>%1, critically low</source>
        <translation>%1, kritisch niedrig</translation>
    </message>
    <message>
        <source>%1, charging</source>
        <translation>%1, lädt</translation>
    </message>
    <message>
        <source>%1 could not be reached</source>
        <translation>%1 war nicht erreichbar</translation>
    </message>
    <message>
        <source>%1 answers again</source>
        <translation>%1 antwortet wieder</translation>
    </message>
    <message>
        <source>from somewhere the app does not know</source>
        <translation>von einer Stelle, die die App nicht kennt</translation>
    </message>
    <message>
        <source>An action the app does not know</source>
        <translation>Eine Aktion, die die App nicht kennt</translation>
    </message>
    <message>
        <source>later</source>
        <translation>später</translation>
    </message>
    <message>
        <source>History paused until %1 (the app kept running)</source>
        <translation>Verlauf pausiert bis %1 (die App lief weiter)</translation>
    </message>
    <message>
        <source>History paused until %1: %2 (the app kept running)</source>
        <translation>Verlauf pausiert bis %1: %2 (die App lief weiter)</translation>
    </message>
    <message>
        <source>The broker cannot be reached</source>
        <translation>Der Broker ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The bridge cannot be reached</source>
        <translation>Die Bridge ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The broker refuses the app's login</source>
        <translation>Der Broker weist die Anmeldung der App ab</translation>
    </message>
    <message>
        <source>The bridge refuses the app's token</source>
        <translation>Die Bridge weist den Token der App ab</translation>
    </message>
    <message>
        <source>Not connected to the broker</source>
        <translation>Nicht mit dem Broker verbunden</translation>
    </message>
    <message>
        <source>The bridge has no state for it</source>
        <translation>Die Bridge kennt keinen Zustand dafür</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>%1 — its state is not known</source>
        <translation>%1 — sein Zustand ist unbekannt</translation>
    </message>
    <message>
        <source>%1 — last seen %2</source>
        <translation>%1 — zuletzt %2</translation>
    </message>
    <message>
        <source>Held: %1. Actions wait until it can be reached again.</source>
        <translation>Zurückgehalten: %1. Aktionen warten, bis es wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>%1: %2 (from Nuki Web)</source>
        <translation>%1: %2 (aus Nuki Web)</translation>
    </message>
    <message>
        <source>with a keypad code</source>
        <translation>mit einem Keypad-Code</translation>
    </message>
    <message>
        <source>with a fingerprint</source>
        <translation>per Fingerabdruck</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>with the button</source>
        <translation>mit der Taste</translation>
    </message>
    <message>
        <source>automatically</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>through Nuki Web</source>
        <translation>über Nuki Web</translation>
    </message>
    <message>
        <source>with the Nuki app</source>
        <translation>mit der Nuki-App</translation>
    </message>
    <message>
        <source>with an accessory</source>
        <translation>mit einem Zubehör</translation>
    </message>
    <message>
        <source>%1 by %2 %3</source>
        <translation>%1 durch %2 %3</translation>
    </message>
    <message>
        <source>%1 — did not complete (%2)</source>
        <translation>%1 — nicht abgeschlossen (%2)</translation>
    </message>
    <message>
        <source>Nuki Web cannot be reached</source>
        <translation>Nuki Web ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Nuki Web refuses the app's API token</source>
        <translation>Nuki Web weist das API-Token der App ab</translation>
    </message>
    <message>
        <source>Nuki Web cannot reach the lock</source>
        <translation>Nuki Web erreicht das Schloss nicht</translation>
    </message>
    <message>
        <source>via Nuki Web</source>
        <translation>über Nuki Web</translation>
    </message>
    <message>
        <source>via Nuki Web · as of %1</source>
        <translation>über Nuki Web · Stand %1</translation>
    </message>
    <message>
        <source>Automations</source>
        <translation>Automatisierungen</translation>
    </message>
    <message>
        <source>by an automation</source>
        <translation>durch eine Automatisierung</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>nuki::BridgeSetup</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Bridge %1</source>
        <translation>Bridge %1</translation>
    </message>
</context>
<context>
    <name>nuki::BrokerSource</name>
    <message>
        <source>The connection to the broker broke after it took the command: check the door.</source>
        <translation>Die Verbindung zum Broker brach ab, nachdem er den Befehl angenommen hatte: Tür prüfen.</translation>
    </message>
    <message>
        <source>The lock left the broker during the command: check the door.</source>
        <translation>Das Schloss hat den Broker während des Befehls verlassen: Tür prüfen.</translation>
    </message>
    <message>
        <source>The lock refused the command: %1.</source>
        <translation>Das Schloss hat den Befehl abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Another command to this lock is still under way.</source>
        <translation>Ein anderer Befehl an dieses Schloss läuft noch.</translation>
    </message>
    <message>
        <source>The lock answered, but did not report where it ended up: outcome unknown — check the door.</source>
        <translation>Das Schloss hat geantwortet, aber nicht gemeldet, wo es angekommen ist: Ergebnis unbekannt — Tür prüfen.</translation>
    </message>
    <message>
        <source>The broker does not let this user send commands to the lock (%1); nothing was sent. Its ACL needs “topic write nuki/+/lockAction” for this user.</source>
        <translation>Der Broker lässt diesen Benutzer keine Befehle an das Schloss senden (%1); nichts wurde gesendet. Seine ACL braucht „topic write nuki/+/lockAction“ für diesen Benutzer.</translation>
    </message>
    <message>
        <source>The connection to the broker broke before it confirmed the command; it may have reached the lock: check the door.</source>
        <translation>Die Verbindung zum Broker brach ab, bevor er den Befehl bestätigte; er kann das Schloss erreicht haben: Tür prüfen.</translation>
    </message>
</context>
<context>
    <name>nuki::DeviceListModel</name>
    <message>
        <source>%1: in progress…</source>
        <translation>%1: läuft …</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: outcome unknown — check the door. %2</source>
        <translation>%1: Ergebnis unbekannt — bitte die Tür prüfen. %2</translation>
    </message>
    <message>
        <source>%1: sending…</source>
        <translation>%1: wird gesendet …</translation>
    </message>
    <message>
        <source>%1 probably done: the device now reports %2.</source>
        <translation>%1 vermutlich erledigt: das Gerät meldet jetzt %2.</translation>
    </message>
    <message>
        <source>%1 probably not done: the device now reports %2.</source>
        <translation>%1 vermutlich nicht erledigt: das Gerät meldet jetzt %2.</translation>
    </message>
    <message>
        <source>Continuous mode: every ring opens the door</source>
        <translation>Daueröffnung: jedes Klingeln öffnet die Tür</translation>
    </message>
    <message>
        <source>No state known yet</source>
        <translation>Noch kein Zustand bekannt</translation>
    </message>
</context>
<context>
    <name>nuki::Discovery</name>
    <message>
        <source>The discovery service's answer is too large.</source>
        <translation>Die Antwort des Suchdienstes ist zu groß.</translation>
    </message>
</context>
<context>
    <name>nuki::Home</name>
    <message>
        <source>Reached through %1.</source>
        <translation>Erreicht über %1.</translation>
    </message>
    <message>
        <source>the other way cannot be reached now</source>
        <translation>der andere Weg ist gerade nicht erreichbar</translation>
    </message>
    <message>
        <source>the lock's own Wi-Fi connection, without a bridge in between</source>
        <translation>die eigene WLAN-Verbindung des Schlosses, ohne Bridge dazwischen</translation>
    </message>
    <message>
        <source>added first</source>
        <translation>zuerst hinzugefügt</translation>
    </message>
    <message>
        <source>Acts through %1 (%2); also reached through %3.</source>
        <translation>Handelt über %1 (%2); auch erreichbar über %3.</translation>
    </message>
</context>
<context>
    <name>nuki::JournalDb</name>
    <message>
        <source>the file cannot be written (read-only)</source>
        <translation>die Datei kann nicht geschrieben werden (schreibgeschützt)</translation>
    </message>
    <message>
        <source>the file is locked by another program</source>
        <translation>die Datei ist von einem anderen Programm gesperrt</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>die Datei ist beschädigt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Qt's SQLite driver is not installed</source>
        <translation>Der SQLite-Treiber von Qt ist nicht installiert</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>sie ist ein symbolischer Link</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>sie ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>there is no history yet</source>
        <translation>es gibt noch keinen Verlauf</translation>
    </message>
    <message>
        <source>the file is not a history of this app</source>
        <translation>die Datei ist kein Verlauf dieser App</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>the file was made by a newer version of the app</source>
        <translation>die Datei stammt von einer neueren Version der App</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>%1, and it could not be moved aside</source>
        <translation>%1, und sie konnte nicht beiseitegelegt werden</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>its %1 file is a symbolic link</source>
        <translation>ihre %1-Datei ist ein symbolischer Link</translation>
    </message>
    <message>
        <source>its %1 file is not a regular file</source>
        <translation>ihre %1-Datei ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>cannot create it</source>
        <translation>kann sie nicht anlegen</translation>
    </message>
</context>
<context>
    <name>nuki::JournalWriter</name>
    <message>
        <source>The history file could not be used (%1). It was kept as %2 and a new history was started.</source>
        <translation>Die Verlaufsdatei war nicht verwendbar (%1). Sie wurde als %2 aufbewahrt, und ein neuer Verlauf wurde begonnen.</translation>
    </message>
    <message>
        <source>History is recording again.</source>
        <translation>Der Verlauf zeichnet wieder auf.</translation>
    </message>
    <message>
        <source>History is paused: %1. Everything else works as before; it resumes by itself.</source>
        <translation>Der Verlauf ist angehalten: %1. Alles andere funktioniert wie bisher; er setzt von selbst wieder ein.</translation>
    </message>
</context>
<context>
    <name>nuki::MqttLink</name>
    <message>
        <source>The broker did not answer in time.</source>
        <translation>Der Broker hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The broker's CA file cannot be used: %1</source>
        <translation>Die CA-Datei des Brokers ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Cannot connect to the broker at %1:%2: %3</source>
        <translation>Keine Verbindung zum Broker unter %1:%2: %3</translation>
    </message>
    <message>
        <source>The connection to the broker was lost: %1</source>
        <translation>Die Verbindung zum Broker ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>Cannot reach the broker at %1:%2: %3</source>
        <translation>Der Broker unter %1:%2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>Another client connected to the broker with this app's client id, so the broker closed this connection.</source>
        <translation>Ein anderer Client hat sich mit der Client-ID dieser App am Broker angemeldet, daher hat der Broker diese Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The connection to the broker was lost.</source>
        <translation>Die Verbindung zum Broker ist abgebrochen.</translation>
    </message>
</context>
<context>
    <name>nuki::Notifier</name>
    <message>
        <source>The door was opened.</source>
        <translation>Die Tür wurde geöffnet.</translation>
    </message>
    <message>
        <source>The door was closed.</source>
        <translation>Die Tür wurde geschlossen.</translation>
    </message>
    <message>
        <source>%1 — changed outside this app (by hand, keypad or another app).</source>
        <translation>%1 — außerhalb dieser App geändert (von Hand, per Keypad oder andere App).</translation>
    </message>
    <message>
        <source>Someone rang.</source>
        <translation>Es hat geklingelt.</translation>
    </message>
    <message>
        <source>The battery is critical: replace or charge it soon.</source>
        <translation>Die Batterie ist kritisch: bald tauschen oder laden.</translation>
    </message>
    <message>
        <source>The keypad's battery is critical.</source>
        <translation>Die Batterie des Keypads ist kritisch.</translation>
    </message>
    <message>
        <source>The bridge rejected the token. Open the app to enter it again.</source>
        <translation>Die Bridge hat das Token abgelehnt. Die App öffnen, um es erneut einzugeben.</translation>
    </message>
    <message>
        <source>The bridge has not answered for a few minutes. Its devices may be out of date.</source>
        <translation>Die Bridge antwortet seit einigen Minuten nicht. Ihre Geräte sind eventuell nicht aktuell.</translation>
    </message>
    <message>
        <source>%1: the outcome is unknown — check the door. %2</source>
        <translation>%1: Das Ergebnis ist unbekannt — bitte die Tür prüfen. %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Nuki device</source>
        <translation>Nuki-Gerät</translation>
    </message>
    <message>
        <source>%1 — %2.</source>
        <translation>%1 — %2.</translation>
    </message>
</context>
<context>
    <name>nuki::PushManager</name>
    <message>
        <source>Instant updates stopped arriving from this bridge, so it is checked regularly instead. They are tried again in a few minutes.</source>
        <translation>Von dieser Bridge kommen keine sofortigen Updates mehr, sie wird daher regelmäßig abgefragt. In einigen Minuten wird es erneut versucht.</translation>
    </message>
    <message>
        <source>No network address of this computer reaches the bridge, so it is checked regularly instead.</source>
        <translation>Keine Netzwerkadresse dieses Computers erreicht die Bridge, sie wird daher regelmäßig abgefragt.</translation>
    </message>
    <message>
        <source>Could not listen for the bridge's updates on %1.</source>
        <translation>Konnte auf %1 nicht auf Updates der Bridge warten.</translation>
    </message>
    <message>
        <source>All three callback slots of the bridge are used by other apps, so it is checked regularly instead. Bridge details lists them.</source>
        <translation>Alle drei Callback-Plätze der Bridge sind von anderen Apps belegt, sie wird daher regelmäßig abgefragt. Die Bridge-Details listen sie auf.</translation>
    </message>
    <message>
        <source>The bridge refused the callback: %1</source>
        <translation>Die Bridge hat den Callback abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>nuki::SourceError</name>
    <message>
        <source>The bridge is busy with other requests. Try again in a moment.</source>
        <translation>Die Bridge ist mit anderen Anfragen beschäftigt. Gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>The bridge rejected the API token. Enter the token again (Nuki app → Manage bridge → HTTP API).</source>
        <translation>Die Bridge hat das API-Token abgelehnt. Token erneut eingeben (Nuki-App → Bridge verwalten → HTTP API).</translation>
    </message>
    <message>
        <source>Getting the token with the bridge's button is switched off. Switch it on in the Nuki app, or type the token.</source>
        <translation>Das Holen des Tokens per Knopf der Bridge ist ausgeschaltet. In der Nuki-App einschalten oder das Token eintippen.</translation>
    </message>
    <message>
        <source>The bridge does not know this device. Was it unpaired?</source>
        <translation>Die Bridge kennt dieses Gerät nicht. Wurde die Kopplung aufgehoben?</translation>
    </message>
    <message>
        <source>The bridge has not reached this device for a long time. Check its batteries and distance to the bridge.</source>
        <translation>Die Bridge hat dieses Gerät lange nicht erreicht. Batterien und Abstand zur Bridge prüfen.</translation>
    </message>
    <message>
        <source>The bridge could not reach the device over Bluetooth just now.</source>
        <translation>Die Bridge konnte das Gerät gerade nicht über Bluetooth erreichen.</translation>
    </message>
    <message>
        <source>The bridge did not accept the request.</source>
        <translation>Die Bridge hat die Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>The bridge did not answer in time.</source>
        <translation>Die Bridge hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The bridge cannot be reached. Is it powered and on the network?</source>
        <translation>Die Bridge ist nicht erreichbar. Hat sie Strom und ist sie im Netzwerk?</translation>
    </message>
    <message>
        <source>The bridge sent an answer that cannot be read.</source>
        <translation>Die Bridge hat eine unlesbare Antwort geschickt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The bridge rejected the API token. Either the token is wrong (enter it again: Nuki app → Manage bridge → HTTP API), or the bridge's clock is off from this computer's by more than %1 minutes; secure tokens only work within a minute.</source>
        <translation>Die Bridge hat das API-Token abgelehnt. Entweder ist das Token falsch (neu eingeben: Nuki-App → Bridge verwalten → HTTP-API), oder die Uhr der Bridge weicht um mehr als %1 Minuten von der dieses Computers ab; sichere Tokens funktionieren nur innerhalb einer Minute.</translation>
    </message>
    <message>
        <source>The connection to the bridge broke before its answer arrived.</source>
        <translation>Die Verbindung zur Bridge brach ab, bevor ihre Antwort ankam.</translation>
    </message>
    <message>
        <source>The bridge's button was not pressed in time.</source>
        <translation>Der Knopf der Bridge wurde nicht rechtzeitig gedrückt.</translation>
    </message>
    <message>
        <source>No API token is known for this bridge yet.</source>
        <translation>Für diese Bridge ist noch kein API-Token bekannt.</translation>
    </message>
    <message>
        <source>The bridge's answer was too large: its head (status line and header fields) is over the limit of %1.</source>
        <translation>Die Antwort der Bridge war zu groß: ihr Kopf (Statuszeile und Kopfzeilen) ist größer als die Grenze von %1.</translation>
    </message>
    <message>
        <source>The bridge's answer was too large: over the limit of %1 for an answer.</source>
        <translation>Die Antwort der Bridge war zu groß: größer als die Grenze von %1 für eine Antwort.</translation>
    </message>
    <message>
        <source>The lock is not connected to the broker, so nothing was sent. Is it in reach of the Wi-Fi?</source>
        <translation>Das Schloss ist nicht mit dem Broker verbunden, daher wurde nichts gesendet. Ist es in Reichweite des WLANs?</translation>
    </message>
    <message>
        <source>The lock is busy: it is moving, perhaps someone is turning it by hand. Nothing was done; try again when it stands still.</source>
        <translation>Das Schloss ist beschäftigt: Es bewegt sich, vielleicht dreht jemand von Hand. Nichts wurde getan; erneut versuchen, wenn es stillsteht.</translation>
    </message>
    <message>
        <source>The lock refused the command (code %1).</source>
        <translation>Das Schloss hat den Befehl abgelehnt (Code %1).</translation>
    </message>
    <message>
        <source>No answer from the lock — is “Allow locking” switched on for MQTT in the Nuki app? Check the door.</source>
        <translation>Keine Antwort vom Schloss — ist „Sperren erlauben“ für MQTT in der Nuki-App eingeschaltet? Tür prüfen.</translation>
    </message>
</context>
<context>
    <name>nuki::WebConfig</name>
    <message>
        <source>“%1” is not an address of Nuki Web's API (like https://api.nuki.io).</source>
        <translation>„%1“ ist keine Adresse der API von Nuki Web (wie https://api.nuki.io).</translation>
    </message>
    <message>
        <source>Nuki Web is reached over https only (plain http only to this computer itself).</source>
        <translation>Nuki Web wird nur über https erreicht (unverschlüsseltes http nur zu diesem Computer selbst).</translation>
    </message>
</context>
<context>
    <name>nuki::WebSource</name>
    <message>
        <source>The CA file “%1” holds no certificate.</source>
        <translation>Die CA-Datei „%1“ enthält kein Zertifikat.</translation>
    </message>
    <message>
        <source>The API token has characters a token cannot have.</source>
        <translation>Das API-Token enthält Zeichen, die ein Token nicht enthalten kann.</translation>
    </message>
    <message>
        <source>Nuki Web</source>
        <translation>Nuki Web</translation>
    </message>
    <message>
        <source>Nuki Web's certificate is not trusted (%1): nothing was sent.</source>
        <translation>Dem Zertifikat von Nuki Web wird nicht vertraut (%1): Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Nuki Web cannot be reached (%1).</source>
        <translation>Nuki Web ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>Nuki Web did not answer the action in time: it may have reached the lock.</source>
        <translation>Nuki Web hat auf die Aktion nicht rechtzeitig geantwortet: Sie kann das Schloss erreicht haben.</translation>
    </message>
    <message>
        <source>Nuki Web did not answer in time.</source>
        <translation>Nuki Web hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to Nuki Web broke after the action was sent: it may have reached the lock.</source>
        <translation>Die Verbindung zu Nuki Web brach ab, nachdem die Aktion gesendet war: Sie kann das Schloss erreicht haben.</translation>
    </message>
    <message>
        <source>The connection to Nuki Web broke.</source>
        <translation>Die Verbindung zu Nuki Web brach ab.</translation>
    </message>
    <message>
        <source>Nuki Web's answer cannot be read (%1).</source>
        <translation>Die Antwort von Nuki Web ist nicht lesbar (%1).</translation>
    </message>
    <message>
        <source>Nuki Web refuses the API token (401).</source>
        <translation>Nuki Web weist das API-Token ab (401).</translation>
    </message>
    <message>
        <source>Nuki Web does not know this device (any more): it may have been removed from the account.</source>
        <translation>Nuki Web kennt dieses Gerät nicht (mehr): Es wurde vielleicht aus dem Konto entfernt.</translation>
    </message>
    <message>
        <source>Nuki Web says the lock is busy with another operation: nothing was done. Try again in a moment.</source>
        <translation>Laut Nuki Web ist das Schloss mit einem anderen Vorgang beschäftigt: Es wurde nichts getan. Gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Nuki Web asks the app to slow down (429): nothing was done.</source>
        <translation>Nuki Web bittet die App, langsamer zu machen (429): Es wurde nichts getan.</translation>
    </message>
    <message>
        <source>Nuki Web answered the action with a server error (%1): it may or may not have reached the lock.</source>
        <translation>Nuki Web hat auf die Aktion mit einem Serverfehler geantwortet (%1): Sie hat das Schloss vielleicht erreicht, vielleicht auch nicht.</translation>
    </message>
    <message>
        <source>Nuki Web answered with a server error (%1); the app tries again later.</source>
        <translation>Nuki Web hat mit einem Serverfehler geantwortet (%1); die App versucht es später erneut.</translation>
    </message>
    <message>
        <source>Nuki Web refused the request (%1).</source>
        <translation>Nuki Web hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>Nuki Web refused the request (%1: %2).</source>
        <translation>Nuki Web hat die Anfrage abgelehnt (%1: %2).</translation>
    </message>
    <message>
        <source>Nuki Web does not list this device.</source>
        <translation>Nuki Web führt dieses Gerät nicht.</translation>
    </message>
    <message>
        <source>Nuki Web answered for another device.</source>
        <translation>Nuki Web hat für ein anderes Gerät geantwortet.</translation>
    </message>
    <message>
        <source>The API token does not allow reading the log (scope smartlock.log): the history has no names from Nuki Web.</source>
        <translation>Das API-Token erlaubt nicht, das Protokoll zu lesen (Berechtigung smartlock.log): Der Verlauf hat keine Namen von Nuki Web.</translation>
    </message>
    <message>
        <source>Nuki Web does not list this device: nothing was sent.</source>
        <translation>Nuki Web führt dieses Gerät nicht: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Nuki Web cannot reach the lock (it is offline there): nothing was sent.</source>
        <translation>Nuki Web erreicht das Schloss nicht (es ist dort offline): Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>This action is not possible through Nuki Web: nothing was sent.</source>
        <translation>Diese Aktion ist über Nuki Web nicht möglich: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Nuki Web refuses the action (401): the API token may lack the scope smartlock.action. Nothing was done.</source>
        <translation>Nuki Web weist die Aktion ab (401): Dem API-Token fehlt vielleicht die Berechtigung smartlock.action. Es wurde nichts getan.</translation>
    </message>
    <message>
        <source>Not confirmed after 30 s — the lock may be asleep or offline.</source>
        <translation>Nach 30 s nicht bestätigt — das Schloss schläft vielleicht oder ist offline.</translation>
    </message>
</context>
<context>
    <name>nuki::automation</name>
    <message>
        <source>requested before sleep — confirmed locked at %1 after wake</source>
        <translation>vor dem Ruhezustand angefordert — nach dem Aufwachen um %1 als abgesperrt bestätigt</translation>
    </message>
    <message>
        <source>requested before sleep — not locked after wake: %1 at %2</source>
        <translation>vor dem Ruhezustand angefordert — nach dem Aufwachen nicht abgesperrt: %1 um %2</translation>
    </message>
    <message>
        <source>confirmed locked at %1</source>
        <translation>um %1 als abgesperrt bestätigt</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Lock when the screen locks</source>
        <translation>Absperren, wenn der Bildschirm gesperrt wird</translation>
    </message>
    <message>
        <source>Lock before the computer sleeps</source>
        <translation>Absperren, bevor der Computer in den Ruhezustand geht</translation>
    </message>
    <message>
        <source>Lock before the computer shuts down</source>
        <translation>Absperren, bevor der Computer herunterfährt</translation>
    </message>
    <message>
        <source>Remind me when it stays unlocked</source>
        <translation>Erinnern, wenn es aufgesperrt bleibt</translation>
    </message>
    <message>
        <source>Remind me when the door stays open</source>
        <translation>Erinnern, wenn die Tür offen bleibt</translation>
    </message>
    <message>
        <source>Tell me when I leave with it unlocked</source>
        <translation>Sagen, wenn ich gehe und es aufgesperrt ist</translation>
    </message>
    <message>
        <source>Someone who stepped out without a key is locked out when your screen locks.</source>
        <translation>Wer ohne Schlüssel kurz hinausgegangen ist, ist ausgesperrt, wenn Ihr Bildschirm sich sperrt.</translation>
    </message>
    <message>
        <source>Someone who stepped out without a key is locked out when you close the lid or shut down.</source>
        <translation>Wer ohne Schlüssel kurz hinausgegangen ist, ist ausgesperrt, wenn Sie den Deckel schließen oder herunterfahren.</translation>
    </message>
    <message>
        <source>Only a notification: nothing is sent to the lock unless you click Lock.</source>
        <translation>Nur eine Benachrichtigung: An das Schloss geht nichts, außer Sie klicken auf Absperren.</translation>
    </message>
    <message>
        <source>automation: screen locked</source>
        <translation>Automatisierung: Bildschirm gesperrt</translation>
    </message>
    <message>
        <source>automation: going to sleep</source>
        <translation>Automatisierung: Ruhezustand</translation>
    </message>
    <message>
        <source>automation: shutting down</source>
        <translation>Automatisierung: Herunterfahren</translation>
    </message>
    <message>
        <source>automation: unlocked reminder</source>
        <translation>Automatisierung: Erinnerung aufgesperrt</translation>
    </message>
    <message>
        <source>automation: open door reminder</source>
        <translation>Automatisierung: Erinnerung offene Tür</translation>
    </message>
    <message>
        <source>automation: left home</source>
        <translation>Automatisierung: Haus verlassen</translation>
    </message>
    <message>
        <source>logind LockedHint</source>
        <translation>logind LockedHint</translation>
    </message>
    <message>
        <source>logind session Lock</source>
        <translation>logind Sitzung Lock</translation>
    </message>
    <message>
        <source>lock sent</source>
        <translation>Absperren gesendet</translation>
    </message>
    <message>
        <source>not locked: the door is open</source>
        <translation>nicht abgesperrt: Die Tür ist offen</translation>
    </message>
    <message>
        <source>not locked: it was already locked</source>
        <translation>nicht abgesperrt: Es war schon abgesperrt</translation>
    </message>
    <message>
        <source>not locked: it was moving</source>
        <translation>nicht abgesperrt: Es bewegte sich gerade</translation>
    </message>
    <message>
        <source>not locked: it could not be reached</source>
        <translation>nicht abgesperrt: Es war nicht erreichbar</translation>
    </message>
    <message>
        <source>not locked: automations are paused</source>
        <translation>nicht abgesperrt: Automatisierungen sind pausiert</translation>
    </message>
    <message>
        <source>not locked: its motor is blocked or it is not calibrated</source>
        <translation>nicht abgesperrt: Sein Motor ist blockiert oder es ist nicht kalibriert</translation>
    </message>
    <message>
        <source>not locked: its state is not known</source>
        <translation>nicht abgesperrt: Sein Zustand ist nicht bekannt</translation>
    </message>
    <message>
        <source>not locked: another action was running on it</source>
        <translation>nicht abgesperrt: Eine andere Aktion lief gerade</translation>
    </message>
    <message>
        <source>not locked: automations only lock Smart Locks</source>
        <translation>nicht abgesperrt: Automatisierungen sperren nur Smart Locks ab</translation>
    </message>
    <message>
        <source>nothing sent: the screen was unlocked in time</source>
        <translation>nichts gesendet: Der Bildschirm wurde rechtzeitig entsperrt</translation>
    </message>
    <message>
        <source>nothing sent: the computer went to sleep first</source>
        <translation>nichts gesendet: Der Computer ging vorher in den Ruhezustand</translation>
    </message>
    <message>
        <source>not locked: its source cannot carry this action</source>
        <translation>nicht abgesperrt: Seine Quelle kann diese Aktion nicht ausführen</translation>
    </message>
    <message>
        <source>reminded</source>
        <translation>erinnert</translation>
    </message>
    <message>
        <source>when the screen locked</source>
        <translation>als der Bildschirm gesperrt wurde</translation>
    </message>
    <message>
        <source>before sleep</source>
        <translation>vor dem Ruhezustand</translation>
    </message>
    <message>
        <source>before shutdown</source>
        <translation>vor dem Herunterfahren</translation>
    </message>
    <message>
        <source>%1 at %2 %3: %4</source>
        <translation>%1 um %2 %3: %4</translation>
    </message>
    <message>
        <source>%1 locked at %2 %3</source>
        <translation>%1 um %2 abgesperrt, %3</translation>
    </message>
    <message>
        <source>%1: lock sent at %2 %3</source>
        <translation>%1: Absperren um %2 gesendet, %3</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>not locked: the door sensor cannot say the door is closed</source>
        <translation>nicht abgesperrt: Der Türsensor kann nicht sagen, dass die Tür zu ist</translation>
    </message>
    <message>
        <source>nothing sent: the door could not be read before the computer went on</source>
        <translation>nichts gesendet: Die Tür konnte nicht gelesen werden, bevor der Computer weiterlief</translation>
    </message>
    <message>
        <source>nothing sent: the automation was switched off</source>
        <translation>nichts gesendet: Die Automatisierung wurde ausgeschaltet</translation>
    </message>
    <message>
        <source>a plain lock: the full lock goes only through a broker</source>
        <translation>einfach abgesperrt: Doppelt absperren geht nur über einen Broker</translation>
    </message>
</context>
<context>
    <name>nuki::automation::Automations</name>
    <message>
        <source>requested before sleep, not yet confirmed</source>
        <translation>vor dem Ruhezustand angefordert, noch nicht bestätigt</translation>
    </message>
    <message>
        <source>may have reached the lock — check the door</source>
        <translation>hat das Schloss vielleicht erreicht — prüfen Sie die Tür</translation>
    </message>
</context>
<context>
    <name>nuki::desk</name>
    <message>
        <source>logind (session %1: LockedHint, Lock)</source>
        <translation>logind (Sitzung %1: LockedHint, Lock)</translation>
    </message>
    <message>
        <source>none found — set your screen locker to run “loginctl lock-session”, or use a desktop that tells logind (GNOME, KDE)</source>
        <translation>keine gefunden — lassen Sie Ihre Bildschirmsperre „loginctl lock-session“ ausführen, oder nutzen Sie eine Arbeitsumgebung, die es logind sagt (GNOME, KDE)</translation>
    </message>
    <message>
        <source>%1 — if locking the screen is not noticed, set your screen locker to run “loginctl lock-session”</source>
        <translation>%1 — wenn das Sperren des Bildschirms nicht bemerkt wird, lassen Sie Ihre Bildschirmsperre „loginctl lock-session“ ausführen</translation>
    </message>
</context>
<context>
    <name>nuki::desk::Logind</name>
    <message>
        <source>Locking your doors before the computer sleeps</source>
        <translation>Ihre Türen werden abgesperrt, bevor der Computer in den Ruhezustand geht</translation>
    </message>
    <message>
        <source>Locking your doors before the computer shuts down</source>
        <translation>Ihre Türen werden abgesperrt, bevor der Computer herunterfährt</translation>
    </message>
</context>
<context>
    <name>nuki::mqtt</name>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>not authorised</source>
        <translation>nicht berechtigt</translation>
    </message>
    <message>
        <source>a bad parameter</source>
        <translation>ein falscher Parameter</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>remote access not allowed</source>
        <translation>Fernzugriff nicht erlaubt</translation>
    </message>
    <message>
        <source>not allowed at this time</source>
        <translation>zu dieser Zeit nicht erlaubt</translation>
    </message>
    <message>
        <source>auto unlock too recent</source>
        <translation>automatisches Aufsperren zu kurz her</translation>
    </message>
    <message>
        <source>the bolt's position is unknown</source>
        <translation>die Stellung des Riegels ist unbekannt</translation>
    </message>
    <message>
        <source>the motor is blocked</source>
        <translation>der Motor ist blockiert</translation>
    </message>
    <message>
        <source>the clutch failed</source>
        <translation>die Kupplung hat versagt</translation>
    </message>
    <message>
        <source>the motor took too long</source>
        <translation>der Motor hat zu lange gebraucht</translation>
    </message>
    <message>
        <source>busy: the lock is moving (perhaps someone is turning it by hand)</source>
        <translation>beschäftigt: das Schloss bewegt sich (vielleicht dreht jemand von Hand)</translation>
    </message>
    <message>
        <source>cancelled by the lock's button</source>
        <translation>mit der Taste am Schloss abgebrochen</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>nicht kalibriert</translation>
    </message>
    <message>
        <source>its battery is too low</source>
        <translation>seine Batterie ist zu schwach</translation>
    </message>
    <message>
        <source>it needs a firmware update</source>
        <translation>es braucht ein Firmware-Update</translation>
    </message>
    <message>
        <source>error %1 (0x%2)</source>
        <translation>Fehler %1 (0x%2)</translation>
    </message>
</context>
<context>
    <name>nuki::tokenfile</name>
    <message>
        <source>The token file does not exist.</source>
        <translation>Die Token-Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>The token file must be a regular file of at most %1 bytes.</source>
        <translation>Die Token-Datei muss eine normale Datei von höchstens %1 Bytes sein.</translation>
    </message>
    <message>
        <source>Cannot read the token file: %1</source>
        <translation>Die Token-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The token file is empty.</source>
        <translation>Die Token-Datei ist leer.</translation>
    </message>
</context>
<context>
    <name>nuki::web</name>
    <message>
        <source>Nuki Web's answer is too large (%1 bytes).</source>
        <translation>Die Antwort von Nuki Web ist zu groß (%1 Bytes).</translation>
    </message>
    <message>
        <source>Nuki Web's answer is not valid JSON (%1).</source>
        <translation>Die Antwort von Nuki Web ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>Nuki Web's list of devices is not a list.</source>
        <translation>Die Geräteliste von Nuki Web ist keine Liste.</translation>
    </message>
    <message>
        <source>Nuki Web lists %1 devices, more than an account of a home can have (%2): nothing was taken from it.</source>
        <translation>Nuki Web führt %1 Geräte, mehr als ein Konto eines Haushalts haben kann (%2): Es wurde nichts daraus übernommen.</translation>
    </message>
    <message>
        <source>Nuki Web's answer is not a device the app can read.</source>
        <translation>Die Antwort von Nuki Web ist kein Gerät, das die App lesen kann.</translation>
    </message>
    <message>
        <source>Nuki Web's log is not a list.</source>
        <translation>Das Protokoll von Nuki Web ist keine Liste.</translation>
    </message>
</context>
<context>
    <name>nukictl</name>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Do not ask before opening a door.</source>
        <translation>Vor dem Öffnen einer Tür nicht fragen.</translation>
    </message>
    <message>
        <source>Return once the bridge accepted an action.</source>
        <translation>Zurückkehren, sobald die Bridge eine Aktion angenommen hat.</translation>
    </message>
    <message>
        <source>Use this configured bridge.</source>
        <translation>Diese eingerichtete Bridge verwenden.</translation>
    </message>
    <message>
        <source>Talk to this bridge directly.</source>
        <translation>Direkt mit dieser Bridge sprechen.</translation>
    </message>
    <message>
        <source>Read (or, for auth, write) the token here.</source>
        <translation>Das Token hier lesen (bei auth: hierhin schreiben).</translation>
    </message>
    <message>
        <source>Force how the token is sent: plain, hashed, encrypted.</source>
        <translation>Festlegen, wie das Token gesendet wird: plain, hashed, encrypted.</translation>
    </message>
    <message>
        <source>lockngo: also open the door.</source>
        <translation>lockngo: die Tür auch öffnen.</translation>
    </message>
    <message>
        <source>log: entries; watch: stop after N events.</source>
        <translation>log: Einträge; watch: nach N Ereignissen aufhören.</translation>
    </message>
    <message>
        <source>watch: seconds between reads.</source>
        <translation>watch: Sekunden zwischen den Abfragen.</translation>
    </message>
    <message>
        <source>discover: the discovery service.</source>
        <translation>discover: der Suchdienst.</translation>
    </message>
    <message>
        <source>discover: probe these addresses instead (comma separated).</source>
        <translation>discover: stattdessen diese Adressen prüfen (durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>discover --scan: the port.</source>
        <translation>discover --scan: der Port.</translation>
    </message>
    <message>
        <source>add-bridge: its name.</source>
        <translation>add-bridge: ihr Name.</translation>
    </message>
    <message>
        <source>add-bridge: get the token with the bridge's button.</source>
        <translation>add-bridge: das Token mit dem Knopf der Bridge holen.</translation>
    </message>
    <message>
        <source>Use this settings file.</source>
        <translation>Diese Einstellungsdatei verwenden.</translation>
    </message>
    <message>
        <source>What to do (see above).</source>
        <translation>Was zu tun ist (siehe oben).</translation>
    </message>
    <message>
        <source>What should I do? 'nukictl --help' lists the commands.</source>
        <translation>Was soll ich tun? 'nukictl --help' listet die Befehle.</translation>
    </message>
    <message>
        <source>Unknown command: %1. See 'nukictl --help'.</source>
        <translation>Unbekannter Befehl: %1. Siehe 'nukictl --help'.</translation>
    </message>
    <message>
        <source>'%1' needs --host HOST:PORT.</source>
        <translation>'%1' braucht --host HOST:PORT.</translation>
    </message>
    <message>
        <source>watch: poll only, no push (no callback).</source>
        <translation>watch: nur abfragen, kein Push (kein Callback).</translation>
    </message>
    <message>
        <source>the configured bridges</source>
        <translation>die eingerichteten Bridges</translation>
    </message>
    <message>
        <source>every device with its state</source>
        <translation>alle Geräte mit ihrem Zustand</translation>
    </message>
    <message>
        <source>one device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>lock a Smart Lock</source>
        <translation>ein Smart Lock verriegeln</translation>
    </message>
    <message>
        <source>unlock a Smart Lock</source>
        <translation>ein Smart Lock entriegeln</translation>
    </message>
    <message>
        <source>unlatch a lock, or buzz an Opener's door (asks first)</source>
        <translation>ein Schloss öffnen (Falle ziehen) oder beim Opener den Türsummer betätigen (fragt vorher)</translation>
    </message>
    <message>
        <source>lock 'n' go (--unlatch: also open; asks first)</source>
        <translation>Lock ’n’ Go (--unlatch: auch öffnen; fragt vorher)</translation>
    </message>
    <message>
        <source>an Opener's ring to open</source>
        <translation>Ring to Open eines Openers</translation>
    </message>
    <message>
        <source>an Opener's continuous mode</source>
        <translation>Daueröffnung eines Openers</translation>
    </message>
    <message>
        <source>read the real state (wakes the lock over Bluetooth)</source>
        <translation>den echten Zustand lesen (weckt das Schloss über Bluetooth)</translation>
    </message>
    <message>
        <source>print changes as they happen (--json: one object a line); by push where the bridge reaches this computer, else by polling every --interval s; --poll: always poll</source>
        <translation>Änderungen ausgeben, sobald sie passieren (--json: ein Objekt pro Zeile); per Push, wo die Bridge diesen Computer erreicht, sonst durch Abfragen alle --interval s; --poll: immer abfragen</translation>
    </message>
    <message>
        <source>firmware, uptime, clock and token form of the bridges</source>
        <translation>Firmware, Laufzeit, Uhr und Token-Form der Bridges</translation>
    </message>
    <message>
        <source>the bridge's own log</source>
        <translation>das Protokoll der Bridge</translation>
    </message>
    <message>
        <source>the bridge's callback slots</source>
        <translation>die Callback-Plätze der Bridge</translation>
    </message>
    <message>
        <source>restart the bridge</source>
        <translation>die Bridge neu starten</translation>
    </message>
    <message>
        <source>let the bridge look for and install firmware updates</source>
        <translation>die Bridge nach Firmware-Updates suchen und sie installieren lassen</translation>
    </message>
    <message>
        <source>find bridges</source>
        <translation>Bridges finden</translation>
    </message>
    <message>
        <source>get the token with the bridge's button</source>
        <translation>das Token mit dem Knopf der Bridge holen</translation>
    </message>
    <message>
        <source>configure a bridge (token to keychain)</source>
        <translation>eine Bridge einrichten (Token in den Schlüsselbund)</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Usage: nukictl %1 %2</source>
        <translation>Aufruf: nukictl %1 %2</translation>
    </message>
    <message>
        <source>lock twice round (a Wi-Fi lock on a broker only)</source>
        <translation>doppelt verriegeln (nur ein WLAN-Schloss an einem Broker)</translation>
    </message>
    <message>
        <source>configure an MQTT broker of Wi-Fi locks (password from NUKI_MQTT_PASSWORD to the keychain)</source>
        <translation>einen MQTT-Broker von WLAN-Schlössern einrichten (Passwort aus NUKI_MQTT_PASSWORD in den Schlüsselbund)</translation>
    </message>
    <message>
        <source>Controls Nuki Smart Locks and Openers through a Nuki Bridge, and Wi-Fi Smart Locks through an MQTT broker (--broker).</source>
        <translation>Steuert Nuki Smart Locks und Opener über eine Nuki Bridge und WLAN-Smart-Locks über einen MQTT-Broker (--broker).</translation>
    </message>
    <message>
        <source>Talk to Wi-Fi locks on this MQTT broker (port 1883 unless given; password in NUKI_MQTT_PASSWORD).</source>
        <translation>Mit WLAN-Schlössern an diesem MQTT-Broker sprechen (Port 1883, wenn nicht angegeben; Passwort in NUKI_MQTT_PASSWORD).</translation>
    </message>
    <message>
        <source>--broker: the user name.</source>
        <translation>--broker: der Benutzername.</translation>
    </message>
    <message>
        <source>'%1' is for bridges, not --broker.</source>
        <translation>'%1' ist für Bridges, nicht für --broker.</translation>
    </message>
    <message>
        <source>what happened at the doors, as the app recorded it (K: action, change, door, ring, battery, link; T: 2026-12-01, yesterday, 7d)</source>
        <translation>was an den Türen geschah, wie die App es aufgezeichnet hat (K: action, change, door, ring, battery, link; T: 2026-12-01, yesterday, 7d)</translation>
    </message>
    <message>
        <source>history: from this time.</source>
        <translation>history: ab dieser Zeit.</translation>
    </message>
    <message>
        <source>history: up to this time.</source>
        <translation>history: bis zu dieser Zeit.</translation>
    </message>
    <message>
        <source>history: only this kind (may be repeated).</source>
        <translation>history: nur diese Art (mehrfach möglich).</translation>
    </message>
    <message>
        <source>history: as CSV.</source>
        <translation>history: als CSV.</translation>
    </message>
    <message>
        <source>--count: “%1” is not a number above 0.</source>
        <translation>--count: „%1“ ist keine Zahl über 0.</translation>
    </message>
    <message>
        <source>configure a Nuki Web account (API token from NUKI_WEB_TOKEN or a prompt to the keychain)</source>
        <translation>ein Konto bei Nuki Web einrichten (API-Token aus NUKI_WEB_TOKEN oder einer Abfrage in den Schlüsselbund)</translation>
    </message>
    <message>
        <source>DEVICE is a name (case-insensitive, a unique prefix is enough) or a nukiId.
The token is never taken from the command line: NUKI_TOKEN, --token-file, or a prompt.
A broker's password neither: NUKI_MQTT_PASSWORD. Nor Nuki Web's API token: NUKI_WEB_TOKEN.

Exit codes: 0 done, 1 other error, 2 usage, 3 device not found or ambiguous,
4 bridge, broker or lock unreachable, 5 token or broker login rejected, or clock skew,
6 bridge busy after retries or lock busy, 7 action failed, 8 no answer or outcome unknown
(check the door), 9 refused without confirmation.</source>
        <translation>GERÄT ist ein Name (Groß-/Kleinschreibung egal, ein eindeutiger Anfang genügt) oder eine nukiId.
Das Token wird nie von der Befehlszeile genommen: NUKI_TOKEN, --token-file oder eine Abfrage.
Das Passwort eines Brokers auch nicht: NUKI_MQTT_PASSWORD.

Exit-Codes: 0 erledigt, 1 anderer Fehler, 2 Aufruf, 3 Gerät nicht gefunden oder mehrdeutig,
4 Bridge, Broker oder Schloss nicht erreichbar, 5 Token oder Broker-Anmeldung abgelehnt oder Uhrzeitabweichung,
6 Bridge nach Wiederholungen ausgelastet oder Schloss beschäftigt, 7 Aktion fehlgeschlagen, 8 keine Antwort oder Ergebnis unbekannt
(Tür prüfen), 9 ohne Bestätigung abgelehnt.</translation>
    </message>
    <message>
        <source>Use the configured Nuki Web account (the cloud) instead of the bridges.</source>
        <translation>Das eingerichtete Konto bei Nuki Web (die Cloud) statt der Bridges verwenden.</translation>
    </message>
    <message>
        <source>Nuki Web's API address (default https://api.nuki.io); implies --web.</source>
        <translation>Die API-Adresse von Nuki Web (Standard https://api.nuki.io); schließt --web ein.</translation>
    </message>
    <message>
        <source>Also trust this CA for Nuki Web (a proxy's); implies --web.</source>
        <translation>Dieser CA für Nuki Web zusätzlich vertrauen (der eines Proxys); schließt --web ein.</translation>
    </message>
    <message>
        <source>'%1' is for bridges, not --web.</source>
        <translation>'%1' ist für Bridges, nicht für --web.</translation>
    </message>
    <message>
        <source>after %1 min</source>
        <translation>nach %1 min</translation>
    </message>
    <message>
        <source>after %1 s</source>
        <translation>nach %1 s</translation>
    </message>
    <message>
        <source>desk automations: what is on and how this desktop says its screen locked; set one (TRIGGER: screen-lock, sleep, shutdown, unlocked-reminder, open-reminder, leaving); what they did (log)</source>
        <translation>Automatisierungen am Schreibtisch: was an ist und wie diese Arbeitsumgebung die Bildschirmsperre meldet; eine setzen (TRIGGER: screen-lock, sleep, shutdown, unlocked-reminder, open-reminder, leaving); was sie getan haben (log)</translation>
    </message>
    <message>
        <source>automations set: how long the screen stays locked, or the door unlocked or open, before it acts.</source>
        <translation>automations set: wie lange der Bildschirm gesperrt oder die Tür aufgesperrt oder offen bleibt, bevor es handelt.</translation>
    </message>
    <message>
        <source>--after: “%1” is not a number of seconds from 0 to 86400.</source>
        <translation>--after: „%1“ ist keine Zahl von Sekunden von 0 bis 86400.</translation>
    </message>
    <message>
        <source>Screen lock detection: %1</source>
        <translation>Erkennung der Bildschirmsperre: %1</translation>
    </message>
    <message>
        <source>No automation is on. Switch one on with: nukictl automations set screen-lock DEVICE on</source>
        <translation>Keine Automatisierung ist an. Schalten Sie eine ein mit: nukictl automations set screen-lock GERÄT on</translation>
    </message>
    <message>
        <source>Automations are paused.</source>
        <translation>Automatisierungen sind pausiert.</translation>
    </message>
    <message>
        <source>Automations are armed: they lock when their moment comes.</source>
        <translation>Automatisierungen sind scharf: Sie sperren ab, wenn ihr Moment kommt.</translation>
    </message>
    <message>
        <source>Only reminders are on.</source>
        <translation>Nur Erinnerungen sind an.</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>, full lock</source>
        <translation>, doppelt absperren</translation>
    </message>
    <message>
        <source>Usage: nukictl automations set TRIGGER DEVICE on|off [--after SECONDS]</source>
        <translation>Aufruf: nukictl automations set TRIGGER GERÄT on|off [--after SEKUNDEN]</translation>
    </message>
    <message>
        <source>“%1” is no trigger: one of %2.</source>
        <translation>„%1“ ist kein Auslöser: einer von %2.</translation>
    </message>
    <message>
        <source>Say on or off, not “%1”.</source>
        <translation>Sagen Sie on oder off, nicht „%1“.</translation>
    </message>
    <message>
        <source>%1 is no Smart Lock: automations only ever lock Smart Locks, never an Opener.</source>
        <translation>%1 ist kein Smart Lock: Automatisierungen sperren nur Smart Locks ab, nie einen Opener.</translation>
    </message>
    <message>
        <source>%1: %2 — on</source>
        <translation>%1: %2 — an</translation>
    </message>
    <message>
        <source>%1: %2 — off</source>
        <translation>%1: %2 — aus</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Noch nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>Usage: nukictl automations [set TRIGGER DEVICE on|off [--after SECONDS] | log [--json]]</source>
        <translation>Aufruf: nukictl automations [set TRIGGER GERÄT on|off [--after SEKUNDEN] | log [--json]]</translation>
    </message>
    <message>
        <source>no record from %1 to %2 (the app was not running)</source>
        <translation>keine Aufzeichnung von %1 bis %2 (die App lief nicht)</translation>
    </message>
    <message>
        <source>There are already %1 automations, as many as can be kept: switch some off first.</source>
        <translation>Es gibt schon %1 Automatisierungen, so viele wie gespeichert werden können: Schalten Sie zuerst einige aus.</translation>
    </message>
    <message>
        <source>%1 has no delay: it locks at once, before the computer goes on. Leave out --after.</source>
        <translation>%1 hat keine Verzögerung: Es sperrt sofort ab, bevor der Computer weiterläuft. Lassen Sie --after weg.</translation>
    </message>
    <message numerus="yes">
        <source>Ignored in the settings: %n rule(s) (for an Opener, an unknown kind, or a repeat).</source>
        <translation><numerusform>In den Einstellungen nicht beachtet: %n Regel (für einen Opener, eine unbekannte Art oder eine Wiederholung).</numerusform><numerusform>In den Einstellungen nicht beachtet: %n Regeln (für einen Opener, eine unbekannte Art oder eine Wiederholung).</numerusform></translation>
    </message>
    <message>
        <source>A reminder counts in minutes: --after %1 or more.</source>
        <translation>Eine Erinnerung zählt in Minuten: --after %1 oder mehr.</translation>
    </message>
</context>
</TS>