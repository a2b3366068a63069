#pragma once

#include <QDialog>

class QFormLayout;
namespace nuki {
class Home;
} // namespace nuki

// A broker's details: where it is, how we are connected (MQTT version, TLS), and for each Wi-Fi
// lock on it its firmware, model, its link to Nuki's cloud, and how old its last message is.
// Also says when someone left a command stored (retained) on the broker for a lock.
class BrokerDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    BrokerDetailsDialog(nuki::Home *home, const QString &brokerId, QWidget *parent = nullptr);

private:
    void fill();

    nuki::Home *m_home;
    QString m_id;
    QFormLayout *m_form;
};
