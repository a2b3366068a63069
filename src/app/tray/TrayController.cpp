#include "tray/TrayController.h"

#include "protocol/Actions.h"
#include "widgets/ActionControls.h"

#include "AppAutomations.h"
#include "AppController.h"
#include "home/Home.h"
#include "home/Reach.h"
#include "protocol/PlainText.h"

#include <QApplication>
#include <QFontMetrics>
#include <QMenu>
#include <QPointer>
#include <QSystemTrayIcon>

using namespace nuki;

TrayController::TrayController(AppController *app, QObject *parent)
    : QObject(parent), m_app(app), m_notifier(app->home())
{
    m_menu = new QMenu;
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_lockAll = new QAction(tr("Lock all"), this);
    connect(m_lockAll, &QAction::triggered, this, &TrayController::lockAll);
    m_allDevices = new QAction(this);
    m_allDevices->setObjectName(QStringLiteral("allDevices"));
    connect(m_allDevices, &QAction::triggered, this, [this] { emit showWindowRequested({}); });
    m_menu->addAction(m_allDevices);
    m_menu->addSeparator();
    m_firstFixed = m_allDevices;
    m_menu->addAction(m_lockAll);
    m_menu->addAction(tr("Refresh"), app->home(), &Home::refresh);
    m_menu->addSeparator();
    m_menu->addAction(tr("Open window"), this, [this] { emit showWindowRequested({}); });
    m_menu->addAction(tr("History…"), app, [app] { app->requestHistory(); });
    m_menu->addAction(tr("Settings…"), this, &TrayController::settingsRequested);
    // Automations: paused from here at once (and shown armed while they are).
    m_pauseAutomations = m_menu->addAction(tr("Pause automations"));
    m_pauseAutomations->setCheckable(true);
    connect(m_pauseAutomations, &QAction::toggled, this, [this](bool on) {
        if (on != m_app->automations()->paused())
            m_app->automations()->setPaused(on);
    });
    connect(app->automations(), &AppAutomations::notify, this, &TrayController::showNotification);
    connect(app->automations(), &AppAutomations::withdraw, &m_desktop,
            &DesktopNotifications::withdraw);
    connect(app->automations(), &AppAutomations::changed, this, [this] {
        syncAutomations();
        updateSummary();
    });
    syncAutomations();
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);

    m_notifier.setEnabled([this](NotifyKind kind) { return m_app->settings()->notify(kind); });
    m_notifier.setNameOf(
        [this](quint32 id) { return plainText(m_app->settings()->personName(id)); });
    connect(&m_notifier, &Notifier::notify, this, &TrayController::showNotification);
    connect(&m_desktop, &DesktopNotifications::notShown, this, &TrayController::showFallback);
    connect(&m_desktop, &DesktopNotifications::actionInvoked, this,
            &TrayController::onNotificationAction);

    Home *home = app->home();
    for (const DeviceKey &key : home->devices())
        addDevice(key);
    connect(home, &Home::deviceAdded, this, &TrayController::addDevice);
    connect(home, &Home::deviceRemoved, this, &TrayController::removeDevice);
    connect(home, &Home::deviceChanged, this, &TrayController::updateDevice);
    connect(home, &Home::sourceChanged, this, &TrayController::updateSummary);
    connect(home, &Home::sourceAdded, this, &TrayController::placeEntries);
    connect(home, &Home::sourceRemoved, this, &TrayController::placeEntries);
    connect(app, &AppController::favouritesChanged, this, &TrayController::placeEntries);
    connect(home, &Home::actionFinished, this, [this](const DeviceKey &, const ActionStatus &a) {
        const auto it = m_lockAllPending.find(a.id);
        if (it == m_lockAllPending.end())
            return;
        const QString name = *it;
        m_lockAllPending.erase(it);
        switch (a.phase) {
        case ActionStatus::Succeeded:
            m_lockAllReport << tr("%1: locked").arg(name);
            break;
        case ActionStatus::Unknown:
            m_lockAllBad = true;
            m_lockAllReport << tr("%1: outcome unknown — check the door").arg(name);
            break;
        default:
            m_lockAllBad = true;
            m_lockAllReport << tr("%1: failed — %2").arg(name, a.error.message());
        }
        if (m_lockAllPending.isEmpty())
            finishLockAll();
    });
    updateSummary();
}

TrayController::~TrayController()
{
    delete m_menu;
}

void TrayController::show()
{
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(StateIcons::appIcon(m_look), this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason r) {
                    if (r == QSystemTrayIcon::Trigger)
                        emit showWindowRequested(QStringLiteral("toggle"));
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                [this] { emit showWindowRequested(m_lastNotifiedDevice); });
    }
    updateSummary();
    m_tray->show();
}

void TrayController::addDevice(const DeviceKey &key)
{
    if (m_entries.contains(key))
        return;
    Entry e;
    e.submenu = new QMenu(m_menu);
    auto add = [&](const ActionSpec *spec) {
        QAction *a = e.submenu->addAction(spec->displayMenuText());
        const int action = spec->number;
        connect(a, &QAction::triggered, this, [this, key, action] {
            // The same rules as the window: a real confirmation dialog for opening.
            m_app->requestAction(key, action, nullptr, ActionOrigin::Tray);
        });
        e.actions << a;
    };
    // The card's controls, as menu items: a menu's choices side by side, and an Opener's
    // modes one checkable item each, ticked as the device reports them.
    for (const ActionControl &control : actionControlsFor(key.deviceType)) {
        if (control.hasMenu()) {
            for (const ActionSpec *v : control.variants)
                add(v);
            continue;
        }
        if (!control.isSwitch()) {
            add(control.spec);
            if (control.onlyThroughBroker())
                e.brokerOnly << e.actions.last(); // shown while a broker acts (updateDevice)
            continue;
        }
        QAction *a = e.submenu->addAction(control.spec->displayMenuText());
        a->setCheckable(true);
        const int on = control.spec->number, off = control.toggleOff;
        connect(a, &QAction::triggered, this, [this, key, a, on, off](bool checked) {
            a->setChecked(!checked); // the tick follows the device, not the click
            m_app->requestAction(key, checked ? on : off, nullptr, ActionOrigin::Tray);
        });
        e.actions << a;
        e.toggles.insert(a, on);
    }
    m_entries.insert(key, e);
    placeEntries();
    updateDevice(key);
}

void TrayController::removeDevice(const DeviceKey &key)
{
    Entry e = m_entries.take(key);
    delete e.submenu;
    placeEntries();
    updateSummary();
}

void TrayController::placeEntries()
{
    // Device entries go above the fixed part, grouped by source when there are several.
    for (QAction *s : std::as_const(m_bridgeSections))
        m_menu->removeAction(s), delete s;
    m_bridgeSections.clear();
    for (const Entry &e : std::as_const(m_entries))
        m_menu->removeAction(e.submenu->menuAction());
    const QStringList sources = m_app->home()->sourceIds();
    auto sourceOf = [this](const DeviceKey &key) {
        const DeviceRecord *r = m_app->home()->device(key);
        return r ? r->sourceId : QString();
    };
    QList<DeviceKey> ordered;
    for (const QString &id : sources)
        for (const DeviceKey &key : m_app->home()->devices())
            if (sourceOf(key) == id && m_entries.contains(key))
                ordered << key;
    auto section = [this](const QString &title) {
        QAction *s = new QAction(title, m_menu);
        s->setSeparator(true);
        m_menu->insertAction(m_firstFixed, s);
        m_bridgeSections << s;
    };
    m_allDevices->setVisible(ordered.size() > MaxMenuDevices);
    if (ordered.size() > MaxMenuDevices) {
        // Many devices: the favourites (else the first few), then "All devices…".
        QList<DeviceKey> shown;
        for (const DeviceKey &key : std::as_const(ordered))
            if (m_app->isFavourite(key))
                shown << key;
        if (!shown.isEmpty())
            section(tr("Favourites"));
        if (shown.isEmpty())
            shown = ordered;
        for (const DeviceKey &key : shown.mid(0, MaxMenuDevices))
            m_menu->insertAction(m_firstFixed, m_entries[key].submenu->menuAction());
        m_allDevices->setText(tr("All %n devices…", nullptr, int(ordered.size())));
        return;
    }
    for (const QString &id : sources) {
        if (sources.size() > 1) {
            const Source *s = m_app->home()->source(id);
            section(s ? s->name() : id);
        }
        for (const DeviceKey &key : std::as_const(ordered))
            if (sourceOf(key) == id)
                m_menu->insertAction(m_firstFixed, m_entries[key].submenu->menuAction());
    }
}

void TrayController::updateDevice(const DeviceKey &key)
{
    auto it = m_entries.find(key);
    const DeviceRecord *r = m_app->home()->device(key);
    if (it == m_entries.end() || !r)
        return;
    const DeviceState &s = r->device.state;
    // A name of any length keeps the menu narrow: the state and the arrow stay visible.
    QString text = QFontMetrics(it->submenu->font())
                       .elidedText(plainText(r->device.name), Qt::ElideMiddle, 320) +
                   QStringLiteral(" — ") +
                   (s.known ? stateText(key.deviceType, s.state) : tr("unknown"));
    if (s.doorsensorState == int(DoorSensor::Opened))
        text += tr(", door open");
    if (r->action.running())
        text += tr(" (working…)");
    if (r->remembered)
        text += tr(" (last seen, not confirmed yet)");
    const Source *acting = m_app->home()->source(r->sourceId);
    const SourceKind kind = acting ? acting->kind() : SourceKind::Bridge;
    // Not reachable now: said instead of a state that may be old, and its actions held.
    const bool away = r->reach != Reach::Reachable && !r->remembered;
    if (away)
        text = QFontMetrics(it->submenu->font())
                   .elidedText(plainText(r->device.name), Qt::ElideMiddle, 320) +
               QStringLiteral(" — ") + unreachableText(*r, kind);
    QMenu *sub = it->submenu;
    sub->setTitle(text);
    sub->menuAction()->setIcon(
        StateIcons::icon(StateIcons::lookFor(key.deviceType, s.state, s.known, s.doorsensorState)));
    for (QAction *a : std::as_const(it->actions)) {
        a->setEnabled(!r->action.running() && !r->remembered && !away); // held
        a->setToolTip(away ? heldText(*r, kind) : QString());
    }
    // Full lock only where the acting source carries it: a broker, not a bridge.
    for (QAction *a : std::as_const(it->brokerOnly))
        a->setVisible(acting && acting->kind() == SourceKind::Broker);
    for (auto t = it->toggles.cbegin(); t != it->toggles.cend(); ++t)
        t.key()->setChecked(toggleIsOn(key.deviceType, t.value(), s));
    updateSummary();
}

void TrayController::updateSummary()
{
    using L = StateIcons::Look;
    bool attention = false, doorOpen = false, unlocked = false, any = false;
    QStringList lines;
    Home *home = m_app->home();
    for (const QString &id : home->sourceIds()) {
        const Source *s = home->source(id);
        const SourceLink link = s->link();
        if (link.status == LinkStatus::Offline || link.status == LinkStatus::Rejected) {
            attention = true;
            lines << QStringLiteral("%1: %2").arg(s->name(), linkStatusText(link));
        }
    }
    for (const DeviceKey &key : home->devices()) {
        const DeviceRecord *r = home->device(key);
        const DeviceState &s = r->device.state;
        any = true;
        if (s.batteryCritical || s.keypadBatteryCritical.value_or(false) ||
            isErrorState(key.deviceType, s.state))
            attention = true;
        if (s.doorsensorState == int(DoorSensor::Opened))
            doorOpen = true;
        if (!isOpener(key.deviceType) && isKnownDeviceType(key.deviceType) &&
            s.state != int(LockState::Locked))
            unlocked = true;
        QString line = r->device.name + QStringLiteral(": ") + stateText(key.deviceType, s.state);
        if (s.doorsensorState == int(DoorSensor::Opened))
            line += tr(", door open");
        if (s.batteryCritical)
            line += tr(", battery critical");
        lines << line;
    }
    if (const QString failure = m_app->automations()->lastFailure(); !failure.isEmpty()) {
        attention = true; // the badge: an automation could not do what it was meant to
        lines.prepend(tr("Automation: %1").arg(failure));
    }
    m_look = !any        ? L::Unknown
             : attention ? L::Attention
             : doorOpen  ? L::Door
             : unlocked  ? L::Unlocked
                         : L::Locked;
    const QString headline = !any        ? tr("No devices yet")
                             : attention ? tr("Needs attention")
                             : doorOpen  ? tr("A door is open")
                             : unlocked  ? tr("Something is unlocked")
                                         : tr("All locked");
    m_toolTip = headline + u'\n' + lines.join(u'\n');
    if (m_tray) {
        m_tray->setIcon(StateIcons::appIcon(m_look));
        m_tray->setToolTip(m_toolTip);
    }
}

void TrayController::syncAutomations()
{
    AppAutomations *a = m_app->automations();
    const bool any = !a->rules().isEmpty();
    m_pauseAutomations->setVisible(any);
    m_pauseAutomations->setChecked(a->paused());
    m_pauseAutomations->setText(a->armed() ? tr("Pause automations (armed)")
                                           : tr("Pause automations"));
}

void TrayController::lockAll()
{
    // Acts on fresh state: a cached "Locked" may be minutes old. Read every source first,
    // then lock what is not locked, and report each lock.
    if (!m_lockAllPending.isEmpty() || m_lockAllReading)
        return; // one Lock all at a time
    m_lockAllReading = true;
    m_lockAllReport.clear();
    m_lockAllBad = false;
    Home *home = m_app->home();
    QPointer<TrayController> guard(this);
    home->readAllThen([this, guard, home](const QHash<QString, SourceError> &read) {
        if (!guard)
            return;
        m_lockAllReading = false;
        for (const DeviceKey &key : home->devices()) {
            const DeviceRecord *r = home->device(key);
            if (!r || isOpener(key.deviceType) || !isKnownDeviceType(key.deviceType))
                continue;
            const QString name = plainText(r->device.name);
            const SourceError error = read.value(r->sourceId);
            if (!error.ok()) {
                m_lockAllBad = true;
                m_lockAllReport << tr("%1: not locked, its state could not be read — %2")
                                       .arg(name, error.message());
                continue;
            }
            if (r->reach != Reach::Reachable) {
                // Not sent: nothing can reach it (the broker would keep or drop the command).
                const Source *acting = home->source(r->sourceId);
                m_lockAllBad = true;
                m_lockAllReport << tr("%1: not locked — %2")
                                       .arg(name, unreachableText(*r, acting ? acting->kind()
                                                                             : SourceKind::Bridge));
                continue;
            }
            if (r->device.state.state == int(LockState::Locked)) {
                m_lockAllReport << tr("%1: was already locked").arg(name);
                continue;
            }
            if (home->actions()->start(key, int(LockAction::Lock), {ActionOrigin::LockAll})) {
                m_lockAllPending.insert(home->device(key)->action.id, name);
            } else {
                m_lockAllBad = true;
                m_lockAllReport << tr("%1: busy with another action").arg(name);
            }
        }
        if (m_lockAllPending.isEmpty())
            finishLockAll();
    });
}

void TrayController::finishLockAll()
{
    Notifier::Notification n{NotifyKind::Action, tr("Lock all"),
                             m_lockAllReport.isEmpty() ? tr("There is no Smart Lock to lock.")
                                                       : m_lockAllReport.join(u'\n'),
                             QString(),
                             m_lockAllBad ? Notifier::Urgency::Normal : Notifier::Urgency::Low};
    m_lastLockAllReport = n.text;
    showNotification(n);
}

void TrayController::showNotification(const Notifier::Notification &n)
{
    m_lastNotifiedDevice = n.deviceKey;
    if (!m_desktop.notify(n))
        showFallback(n);
}

void TrayController::showFallback(const Notifier::Notification &n)
{
    // No notification service on the bus, or it failed: the tray's balloon is all there is.
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(n.title, n.text,
                            n.urgency == Notifier::Urgency::Critical ? QSystemTrayIcon::Warning
                                                                     : QSystemTrayIcon::Information,
                            8000);
}

void TrayController::onNotificationAction(const QString &deviceKey, const QString &action)
{
    if (action == u"snooze") {
        m_app->automations()->snooze(DeviceKey::fromString(deviceKey));
        return;
    }
    if (action == u"lock") {
        // A notification's Lock now locks a Smart Lock; on an Opener 2 would be Ring to Open off.
        for (const DeviceKey &key : m_app->home()->devices())
            if (key.toString() == deviceKey && key.deviceType != int(DeviceType::Opener) &&
                findActionByVerb(key.deviceType, u"lock"))
                m_app->requestAction(key, int(LockAction::Lock), nullptr, ActionOrigin::Tray);
        return;
    }
    emit showWindowRequested(deviceKey);
}
