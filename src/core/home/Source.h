#pragma once

#include "home/SourceError.h"
#include "protocol/Protocol.h"

#include <QDateTime>
#include <QObject>
#include <functional>

namespace nuki {

// How a device reaches the home. The home knows these few words and nothing of a transport.
enum class SourceKind
{
    Bridge, // a Nuki Bridge's HTTP API (bridge/BridgeSource)
    Broker, // an MQTT broker that Wi-Fi locks publish to
    Web,    // Nuki Web, the cloud API (web/WebSource): from anywhere, polled, the last resort
    Test    // a source made by tests (tests/core/FakeSource.h)
};

enum class LinkStatus
{
    Connecting,
    Online,
    Busy,
    Offline,
    Rejected // the source refuses us: a bridge's token, a broker's login
};

// What a front end may know of a source's link, whatever its transport.
struct SourceLink
{
    LinkStatus status = LinkStatus::Connecting;
    QDateTime offlineSince;
    SourceError lastError;
    bool push = false;      // changes arrive as they happen (a bridge while its callback works)
    int pollIntervalMs = 0; // 0: never polled (a broker)
};

// The link in words for a person: "Online", "Offline since 19:23".
QString linkStatusText(const SourceLink &link);

// How a reported state reached the source. A state that was read although push was on is
// one that push should have brought (see Home::pushMissed), unless the read covers a time
// when changes were not pushed yet.
enum class Delivery
{
    Pushed,
    Read,
    ReadCatchingUp
};

// What the transport knows of one action, as it goes. The action runner (home/ActionRunner)
// turns these into the one outcome a person sees; the source never repeats a command that
// may have reached the lock (SourceError::mayHaveReachedLock).
struct ActionProgress
{
    std::function<void()> taken;   // the device is working on it: show it running
    std::function<void()> refused; // refused before anything happened; the source may try again
    std::function<void(const SourceError &)> finished; // exactly once
};

struct ActionRequest
{
    quint32 nukiId = 0;
    int deviceType = 0;
    int action = 0;             // the action table's number (protocol/Actions.h)
    bool noWait = false;        // finished as soon as the source took it (nukictl --no-wait)
    bool linkKnownDown = false; // one short try only: the person hears at once that it failed
};

// A source: owns everything about its transport (a bridge's client and poller, a broker's
// connection). Reports devices, states and its link in the core's own types; the home
// (home/Home) keeps the truth.
class Source : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString id() const = 0; // stable: a bridge's serverId in hex, a broker's own id
    virtual QString name() const = 0;
    virtual SourceKind kind() const = 0;
    virtual QString address() const = 0; // for a person: host:port
    virtual SourceLink link() const = 0;

    // Begins reading (polling, subscribing). `poll`: keep reading by itself, else only when
    // asked (nukictl).
    virtual void start(bool poll) = 0;
    // Everything the source knows now (a bridge reads /list). `done` runs once, after the
    // answer was reported.
    virtual void readAll(std::function<void(const SourceError &)> done) = 0;
    // One device from the device itself where the transport can (a bridge's /lockState wakes
    // the lock over Bluetooth): on a person's request, or for a state stuck mid-transition.
    virtual void readDevice(quint32 nukiId, int deviceType,
                            std::function<void(const SourceError &, const DeviceState &)> done) = 0;
    // Whether the source follows the device closely right now (after an action), so a
    // transitional state will be updated without asking the device.
    virtual bool isFollowingClosely() const { return false; }
    virtual void perform(const ActionRequest &request, const ActionProgress &progress) = 0;
    // An action has ended: read what happened, now and often for a while.
    virtual void followAction(quint32 nukiId, int deviceType) = 0;
    virtual void setPollInterval(int ms) { Q_UNUSED(ms) }
    // How many devices this source acts for now (the home's sources rule chose it): a cloud
    // account reads its list only while it is needed.
    virtual void setActingFor(int devices) { Q_UNUSED(devices) }
    // Whether a person is looking (the main window is shown): a polled cloud reads more often.
    virtual void setWatched(bool windowShown) { Q_UNUSED(windowShown) }
    // Drops everything queued; nothing more is sent. Late answers are not reported.
    virtual void stop() = 0;

signals:
    // The whole set of devices the source reaches now: one missing from it is gone from it. A
    // device whose state is not `known` is one the source lost (the bridge keeps its entry).
    void listed(const QList<nuki::Device> &devices, nuki::Delivery delivery);
    // One device's new state.
    void stateReported(quint32 nukiId, int deviceType, const nuki::DeviceState &state,
                       nuki::Delivery delivery);
    void linkChanged();
    void detailsChanged(); // name, address or the transport's own details
    // Who or what moved a device, where the transport says so (a Wi-Fi lock's event).
    void lockEvent(quint32 nukiId, int deviceType, const nuki::LockEvent &event);
};

} // namespace nuki
