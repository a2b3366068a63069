// Device state machines of the simulated bridge (docs/protocol.md §10.1).
#include "SimBridge.h"

#include "SimCallbacks.h"

#include <QTimer>

namespace nukisim {

void SimBridge::after(const SimDevice &d, int ms, const std::function<void(SimDevice &)> &step,
                      const QString &channel)
{
    // A sequence step runs only if nothing (a hand on the knob, a new action, a reboot) has
    // started a newer sequence on the same device and channel since it was scheduled.
    const QString key = channel + u'/' + deviceKey(d.nukiId, d.deviceType);
    const int gen = m_generation.value(key);
    const quint32 id = d.nukiId;
    const int type = d.deviceType;
    QTimer::singleShot(qMax(0, ms), this, [this, key, gen, id, type, step] {
        if (m_generation.value(key) != gen)
            return;
        if (SimDevice *x = device(id, type))
            step(*x);
    });
}

void SimBridge::setState(quint32 nukiId, int deviceType, int state, int mode)
{
    SimDevice *d = device(nukiId, deviceType);
    if (!d)
        return;
    d->state = state;
    if (mode >= 0)
        d->mode = mode;
    d->timestamp = now();
    publish(*d);
}

void SimBridge::publish(const SimDevice &d)
{
    emit deviceChanged(d.nukiId, d.deviceType);
    // Callbacks carry final states only; transitions are not pushed (§5, [F-UNL]).
    if (d.isFinalState())
        m_callbacks->deliver(d.callbackBody(now()));
}

void SimBridge::startAction(SimDevice &d, int action, const std::function<void(bool)> &ack)
{
    m_generation[QStringLiteral("motor/") + deviceKey(d.nukiId, d.deviceType)]++;
    m_bleBusy = true;
    const int ms = m_config.actionMs;
    const int hold = m_config.unlatchHoldMs;
    const int lng = m_config.lockNGoDelayMs;
    auto to = [this](int state, int mode = -1) {
        return [this, state, mode](SimDevice &x) { setState(x.nukiId, x.deviceType, state, mode); };
    };
    if (d.isOpener()) {
        switch (action) {
        case 1:
            after(d, ms, to(dev::OpenerRtoActive));
            break; // activate rto
        case 2:
            after(d, ms, to(dev::OpenerOnline, dev::ModeDoor));
            break; // deactivate rto
        case 3: {  // electric strike
            const int back = d.state == dev::OpenerRtoActive ? d.state : dev::OpenerOnline;
            setState(d.nukiId, d.deviceType, dev::OpenerOpening);
            after(d, ms, [this, hold, back, to](SimDevice &x) {
                setState(x.nukiId, x.deviceType, dev::OpenerOpen);
                after(x, hold, to(back));
            });
            break;
        }
        case 4:
            after(d, ms, to(dev::OpenerRtoActive, dev::ModeContinuous));
            break;
        case 5:
            after(d, ms, to(dev::OpenerOnline, dev::ModeDoor));
            break;
        }
    } else {
        switch (action) {
        case 1:
            setState(d.nukiId, d.deviceType, dev::Unlocking);
            after(d, ms, to(dev::Unlocked));
            break;
        case 2:
            setState(d.nukiId, d.deviceType, dev::Locking);
            after(d, ms, to(dev::Locked));
            break;
        case 3:
            setState(d.nukiId, d.deviceType, dev::Unlatching);
            after(d, ms, [this, hold, to](SimDevice &x) {
                setState(x.nukiId, x.deviceType, dev::Unlatched);
                after(x, hold, to(dev::Unlocked));
            });
            break;
        case 4:
        case 5: {
            // Lock 'n' go: open (and with 5 unlatch), wait, then lock again by itself.
            auto relock = [this, ms, lng, to](SimDevice &x) {
                setState(x.nukiId, x.deviceType, dev::UnlockedLockNGo);
                after(x, lng, [this, ms, to](SimDevice &y) {
                    setState(y.nukiId, y.deviceType, dev::Locking);
                    after(y, ms / 2, to(dev::Locked));
                });
            };
            if (action == 4) {
                setState(d.nukiId, d.deviceType, dev::Unlocking);
                after(d, ms, relock);
            } else {
                setState(d.nukiId, d.deviceType, dev::Unlatching);
                after(d, ms, [this, hold, relock](SimDevice &x) {
                    setState(x.nukiId, x.deviceType, dev::Unlatched);
                    after(x, hold, relock);
                });
            }
            break;
        }
        }
    }
    // The acknowledgement is not tied to the sequence: a hand on the knob must not leave the
    // HTTP request hanging. Scheduled after the first step, so the state is updated first.
    QTimer::singleShot(qMax(0, ms), this, [this, ack] {
        m_bleBusy = false;
        ack(true);
    });
}

} // namespace nukisim
