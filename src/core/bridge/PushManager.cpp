#include "bridge/PushManager.h"

#include "bridge/BridgeSource.h"
#include "bridge/CallbackReceiver.h"
#include "home/Home.h"

#include <QPointer>
#include <memory>

namespace nuki {

QString PushManager::newSecretPath()
{
    return CallbackReceiver::newSecretPath();
}

PushManager::PushManager(Home *home, const QString &secretPath, QObject *parent)
    : QObject(parent), m_home(home), m_path(secretPath)
{
    connect(home, &Home::pushMissed, this, &PushManager::noteMissed);
    // Back from offline: check at once, so a "cannot be reached" push problem does not sit
    // under an "Online" header until the next periodic check.
    connect(home, &Home::sourceOnline, this, [this](const QString &id) {
        if (m_bridges.contains(id) && m_bridges[id].check && m_bridges[id].check->isActive())
            check(id);
    });
    connect(home, &Home::sourceRemoved, this, [this](const QString &id) {
        BridgePush p = m_bridges.take(id);
        delete p.check;
        delete p.grace;
    });
}

void PushManager::noteMissed(const QString &bridgeId, const DeviceKey &key)
{
    auto it = m_bridges.find(bridgeId);
    if (it == m_bridges.end() || !it->active)
        return;
    // A single change that polling saw and push did not bring is enough: once the grace for
    // a callback still on its way has passed, push counts as silent.
    it->unconfirmed.insert({key.nukiId, key.deviceType});
    if (!it->grace) {
        it->grace = new QTimer(this);
        it->grace->setSingleShot(true);
        const QString id = bridgeId;
        connect(it->grace, &QTimer::timeout, this, [this, id] {
            auto b = m_bridges.find(id);
            if (b != m_bridges.end() && b->active && !b->unconfirmed.isEmpty())
                declareSilent(id);
        });
    }
    if (!it->grace->isActive())
        it->grace->start(m_missGraceMs);
}

void PushManager::declareSilent(const QString &bridgeId)
{
    BridgePush &p = m_bridges[bridgeId];
    p.unconfirmed.clear();
    p.silentUntil = QDeadlineTimer(m_retryAfterSilenceMs);
    setActive(bridgeId, false,
              tr("Instant updates stopped arriving from this bridge, so it is checked "
                 "regularly instead. They are tried again in a few minutes."));
    // Perhaps our entry is gone (a reset bridge, another app): a check now puts it back,
    // which turns push on again at once; if it is still there, polling stays until
    // silentUntil.
    check(bridgeId);
}

const PushManager::BridgePush *PushManager::state(const QString &bridgeId) const
{
    auto it = m_bridges.constFind(bridgeId);
    return it == m_bridges.constEnd() ? nullptr : &*it;
}

CallbackReceiver *PushManager::receiver(const QHostAddress &local)
{
    CallbackReceiver *&r = m_receivers[local.toString()];
    if (!r) {
        r = new CallbackReceiver(m_path, this);
        if (!r->start(local, m_port) && (m_port == 0 || !r->start(local, 0))) {
            delete r;
            r = nullptr;
            m_receivers.remove(local.toString());
            return nullptr;
        }
        connect(r, &CallbackReceiver::stateReceived, this,
                [this](const QHostAddress &from, quint32 nukiId, int type, const DeviceState &s) {
                    for (const QString &id : m_home->sourceIds()) {
                        BridgeSource *b = bridgeSource(*m_home, id);
                        if (b && QHostAddress(b->config().host).isEqual(from)) {
                            m_bridges[id].unconfirmed.remove({nukiId, type});
                            b->applyPushed(nukiId, type, s);
                        }
                    }
                });
    }
    return r;
}

QHostAddress PushManager::localAddressFor(const QString &bridgeId) const
{
    const BridgeSource *b = bridgeSource(*m_home, bridgeId);
    if (!b)
        return {};
    return m_override.isNull() ? CallbackReceiver::localAddressFor(QHostAddress(b->config().host))
                               : m_override;
}

CallbackReceiver *PushManager::receiverFor(const QString &bridgeId) const
{
    const QHostAddress local = localAddressFor(bridgeId);
    return local.isNull() ? nullptr : m_receivers.value(local.toString());
}

QString PushManager::callbackUrl(const QString &bridgeId) const
{
    CallbackReceiver *r = receiverFor(bridgeId);
    return r ? r->url() : QString();
}

void PushManager::setActive(const QString &bridgeId, bool active, const QString &problem)
{
    BridgePush &p = m_bridges[bridgeId];
    p.active = active;
    p.problem = problem;
    p.unconfirmed.clear();
    if (p.grace)
        p.grace->stop();
    // With push: /list once a heartbeat, less a margin for the request queue (the 250 ms gap,
    // an action ahead of it), so a missed state is never older than a heartbeat. Without:
    // the normal interval.
    const int margin = qMin(1000, m_heartbeatMs / 10);
    if (BridgeSource *b = bridgeSource(*m_home, bridgeId))
        b->setPushActive(active, m_heartbeatMs - margin);
    armCheck(p);
    emit changed(bridgeId);
}

void PushManager::armCheck(BridgePush &p)
{
    if (!p.check || !p.check->isActive())
        return; // not enabled (or disabled)
    const int every = (p.active ? RegistrationCheckEvery : 2) * m_heartbeatMs;
    if (p.check->interval() != every)
        p.check->start(every);
}

void PushManager::enable(const QString &bridgeId)
{
    if (!bridgeSource(*m_home, bridgeId))
        return;
    BridgePush &p = m_bridges[bridgeId];
    p.enabled = true;
    if (!p.check) {
        p.check = new QTimer(this);
        connect(p.check, &QTimer::timeout, this, [this, bridgeId] { check(bridgeId); });
    }
    p.check->start((p.active ? RegistrationCheckEvery : 2) * m_heartbeatMs);
    check(bridgeId);
}

CallbackReceiver *PushManager::prepareReceiver(const QString &bridgeId)
{
    // Worked out afresh at every check: when this computer's address changes, the receiver
    // moves to the new one and the check below replaces the old URL on the bridge.
    const BridgeSource *b = bridgeSource(*m_home, bridgeId);
    const QHostAddress bridgeAddress(b ? b->config().host : QString());
    const QHostAddress local = localAddressFor(bridgeId);
    if (local.isNull() || bridgeAddress.isNull()) {
        setActive(bridgeId, false,
                  tr("No network address of this computer reaches the bridge, "
                     "so it is checked regularly instead."));
        return nullptr;
    }
    CallbackReceiver *r = receiver(local);
    if (!r) {
        setActive(bridgeId, false,
                  tr("Could not listen for the bridge's updates on %1.").arg(local.toString()));
        return nullptr;
    }
    r->allowSource(bridgeAddress);
    return r;
}

void PushManager::check(const QString &bridgeId)
{
    BridgePush &p = m_bridges[bridgeId];
    if (!p.enabled)
        return;
    // One check at a time per bridge: two overlapping checks would both see no entry of ours
    // and both add one.
    if (p.checking) {
        p.checkAgain = true;
        return;
    }
    BridgeClient *client = clientOf(bridgeId);
    CallbackReceiver *r = client ? prepareReceiver(bridgeId) : nullptr;
    if (!r)
        return;
    const QString url = r->url();
    p.checking = true;
    p.checkAgain = false;
    client->callbackList([this, bridgeId, url](const SourceError &error,
                                               const QList<CallbackEntry> &list) {
        if (!m_bridges.contains(bridgeId))
            return;
        BridgePush &p = m_bridges[bridgeId];
        BridgeClient *c = clientOf(bridgeId);
        if (!p.enabled) { // disabled while the check was out (an exit, say): stay off
            p.checking = false;
            return;
        }
        auto done = [this, bridgeId] {
            if (!m_bridges.contains(bridgeId))
                return;
            BridgePush &p = m_bridges[bridgeId];
            p.checking = false;
            if (p.checkAgain)
                check(bridgeId);
        };
        if (!error.ok() || !c) {
            // A bridge that cannot be reached is the header's news, not a push problem.
            if (!error.ok() && error.kind != SourceError::Busy)
                setActive(bridgeId, false, error.meansLinkLost() ? QString() : error.message());
            done();
            return;
        }
        p.entries = list;
        bool registered = false;
        QList<int> remove;
        for (const CallbackEntry &e : list) {
            if (!isOurs(e.url))
                continue; // another app's slot is never touched
            if (e.url == url && !registered)
                registered = true;
            else
                remove << e.id; // ours from an old address or port, or a second copy
        }
        for (int id : std::as_const(remove))
            c->callbackRemove(id, [](const SourceError &, bool, QString) {});
        if (registered) {
            if (!p.active && p.silentUntil.hasExpired())
                setActive(bridgeId, true, {});
            done();
            return;
        }
        if (list.size() - remove.size() >= 3) {
            setActive(bridgeId, false,
                      tr("All three callback slots of the bridge are used by other apps, so it is "
                         "checked regularly instead. Bridge details lists them."));
            done();
            return;
        }
        c->callbackAdd(
            url, [this, bridgeId, done](const SourceError &e, bool ok, const QString &message) {
                if (!m_bridges.contains(bridgeId) || !m_bridges[bridgeId].enabled) {
                    done();
                    return;
                }
                if (e.ok() && ok) {
                    setActive(bridgeId, true, {});
                    m_bridges[bridgeId].checkAgain = true; // refresh the slot list in the details
                } else {
                    setActive(bridgeId, false,
                              e.ok() ? tr("The bridge refused the callback: %1").arg(message)
                                     : e.message());
                }
                done();
            });
    });
}

bool PushManager::isOurs(const QString &url) const
{
    // This installation's secret path identifies its callbacks, whatever address they name.
    return url.contains(m_path);
}

void PushManager::removeOurs(BridgeClient *client, std::function<void()> done)
{
    QPointer<BridgeClient> guard(client);
    if (!client) {
        done();
        return;
    }
    client->callbackList(
        [this, guard, done](const SourceError &error, const QList<CallbackEntry> &list) {
            QList<int> ours;
            for (const CallbackEntry &e : list)
                if (isOurs(e.url))
                    ours << e.id;
            if (!error.ok() || ours.isEmpty() || !guard) {
                done();
                return;
            }
            auto left = std::make_shared<int>(int(ours.size()));
            for (int id : ours)
                guard->callbackRemove(id, [left, done](const SourceError &, bool, QString) {
                    if (--*left == 0)
                        done();
                });
        });
}

void PushManager::disable(const QString &bridgeId, std::function<void()> done)
{
    if (BridgePush *p = m_bridges.contains(bridgeId) ? &m_bridges[bridgeId] : nullptr) {
        p->enabled = false;
        if (p->check)
            p->check->stop();
        setActive(bridgeId, false, {});
    }
    removeOurs(
        clientOf(bridgeId), done ? std::move(done) : [] {});
}

void PushManager::release(BridgeSource *source, std::function<void()> done)
{
    removeOurs(source ? source->client() : nullptr, std::move(done));
}

BridgeClient *PushManager::clientOf(const QString &bridgeId) const
{
    const BridgeSource *b = bridgeSource(*m_home, bridgeId);
    return b ? b->client() : nullptr;
}

void PushManager::enableEachBridgeOnceOnline()
{
    // Registered once the token is known and the bridge answered: before that a check could
    // only fail, and say so as a push problem.
    auto enableIfOnline = [this](const QString &id) {
        const Source *s = m_home->source(id);
        if (s && s->kind() == SourceKind::Bridge && s->link().status == LinkStatus::Online &&
            !m_bridges.value(id).enabled && !m_enabledOnce.contains(id)) {
            m_enabledOnce.insert(id);
            enable(id);
        }
    };
    connect(m_home, &Home::sourceChanged, this, enableIfOnline);
    connect(m_home, &Home::sourceRemoved, this,
            [this](const QString &id) { m_enabledOnce.remove(id); });
    for (const QString &id : m_home->sourceIds())
        enableIfOnline(id);
}

void PushManager::shutdown(std::function<void()> done)
{
    const QStringList ids = m_bridges.keys();
    if (ids.isEmpty()) {
        done();
        return;
    }
    auto left = std::make_shared<int>(int(ids.size()));
    for (const QString &id : ids)
        disable(id, [left, done] {
            if (--*left == 0)
                done();
        });
}

} // namespace nuki
