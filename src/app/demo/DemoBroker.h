#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

namespace nukisim {
class SimWifiLock;
} // namespace nukisim

// Demo mode's Wi-Fi lock: a private mosquitto on 127.0.0.1 (a free port, anonymous, nothing
// kept on disk) and a simulated Wi-Fi Smart Lock connected to it, with a person now and then
// at its keypad or button, so the window shows who did what. Only where Debian's mosquitto is
// installed; the broker is stopped by its PID when the demo ends.
class DemoBroker : public QObject
{
    Q_OBJECT
public:
    explicit DemoBroker(QObject *parent = nullptr);
    ~DemoBroker() override;

    static bool available();
    void start();
    quint16 port() const { return m_port; }
    nukisim::SimWifiLock *lock() const { return m_lock; }

signals:
    void ready(quint16 port); // the broker listens and the lock is on its way

private:
    void probe();

    QTemporaryDir m_dir;
    QProcess m_broker;
    quint16 m_port = 0;
    int m_probes = 0;
    QTimer m_probe;
    QTimer m_life;
    nukisim::SimWifiLock *m_lock = nullptr;
};
