#pragma once

#include "home/Source.h"

#include <QList>

// A source for tests that needs no sockets: the test says what it reports, how its link is,
// and how each action goes (taken, refused, finished). For fast unit tests of the home, the
// action runner and the notifier, below the tests against the simulator over loopback.
class FakeSource : public nuki::Source
{
    Q_OBJECT
public:
    FakeSource(const QString &id, const QString &name,
               nuki::SourceKind kind = nuki::SourceKind::Test)
        : m_id(id), m_name(name), m_kind(kind)
    {
        m_link.status = nuki::LinkStatus::Online;
    }

    QString id() const override { return m_id; }
    QString name() const override { return m_name; }
    nuki::SourceKind kind() const override { return m_kind; }
    QString address() const override { return QStringLiteral("fake:") + m_id; }
    nuki::SourceLink link() const override { return m_link; }
    void start(bool poll) override
    {
        started = true;
        polling = poll;
    }
    void readAll(std::function<void(const nuki::SourceError &)> done) override
    {
        ++reads;
        if (readError.ok())
            emit listed(devices, nuki::Delivery::Read);
        done(readError);
    }
    void readDevice(
        quint32, int,
        std::function<void(const nuki::SourceError &, const nuki::DeviceState &)> done) override
    {
        ++deviceReads;
        done(readError, deviceState);
    }
    void perform(const nuki::ActionRequest &request, const nuki::ActionProgress &p) override
    {
        performed << request;
        progress << p;
        if (!refuseAtOnce.ok())
            p.finished(refuseAtOnce); // inside perform, as a broker does for a lock not there
    }
    void followAction(quint32, int) override { ++follows; }
    void stop() override { stopped = true; }

    // --- what the test makes the source say ---
    void setLink(nuki::LinkStatus status, const nuki::SourceError &error = {})
    {
        m_link.status = status;
        m_link.lastError = error;
        if (status == nuki::LinkStatus::Offline)
            m_link.offlineSince = QDateTime::currentDateTimeUtc();
        emit linkChanged();
    }
    void setPush(bool on)
    {
        m_link.push = on;
        emit linkChanged();
    }
    void list(const QList<nuki::Device> &d, nuki::Delivery delivery = nuki::Delivery::Read)
    {
        devices = d;
        emit listed(d, delivery);
    }
    void report(quint32 nukiId, int type, const nuki::DeviceState &s,
                nuki::Delivery delivery = nuki::Delivery::Pushed)
    {
        emit stateReported(nukiId, type, s, delivery);
    }

    QList<nuki::Device> devices; // what readAll() lists
    nuki::SourceError readError;
    nuki::SourceError refuseAtOnce; // set: every action fails inside perform()
    nuki::DeviceState deviceState;  // what readDevice() answers
    QList<nuki::ActionRequest> performed;
    QList<nuki::ActionProgress> progress; // one per performed action, in order
    int reads = 0, deviceReads = 0, follows = 0;
    bool started = false, polling = false, stopped = false;

private:
    QString m_id, m_name;
    nuki::SourceKind m_kind;
    nuki::SourceLink m_link;
};

// A device as a source lists it.
inline nuki::Device fakeDevice(quint32 nukiId, int type, const QString &name, int state,
                               std::optional<int> door = std::nullopt)
{
    nuki::Device d;
    d.nukiId = nukiId;
    d.deviceType = type;
    d.name = name;
    d.state.known = true;
    d.state.state = state;
    d.state.mode = 2;
    d.state.doorsensorState = door;
    return d;
}
