#pragma once

#include <QDialog>
#include <functional>

class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
namespace nuki {
class BridgeSource;
struct SourceError;
class Home;
class PushManager;
} // namespace nuki

// A bridge's details: firmware, uptime, Wi-Fi and server connection, how we authenticate,
// the bridge's own log (newest first), and for a hardware bridge reboot and firmware update.
class BridgeDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    BridgeDetailsDialog(nuki::Home *home, const QString &bridgeId,
                        nuki::PushManager *push = nullptr, QWidget *parent = nullptr);

private:
    void fill();
    void loadLog();
    using Maintenance =
        void (nuki::BridgeSource::*)(std::function<void(const nuki::SourceError &)>);
    void maintenance(Maintenance call, const QString &question);
    void loadSlots();
    void removeSlot();

    nuki::Home *m_home;
    QString m_id;
    QFormLayout *m_form;
    QListWidget *m_log;
    QListWidget *m_slots;
    nuki::PushManager *m_push;
    QLabel *m_logStatus;
    QPushButton *m_reboot;
    QPushButton *m_update;
};
