#pragma once

#include <QWizardPage>

namespace Ui {
class BrokerPage;
}
struct WizardState;

// The Wi-Fi lock path, first step: where the broker is and how this app logs in (address,
// user, password, TLS with a CA file), with where MQTT is switched on in the Nuki app. The
// password goes no further than the wizard until Finish puts it in the keychain.
class BrokerPage : public QWizardPage
{
    Q_OBJECT
public:
    BrokerPage(WizardState *state, QWidget *parent);
    ~BrokerPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;
    // What is wrong with the fields, in words; empty when they can be tried.
    QString problem() const;

private:
    void chooseCa();
    void update();
    // The default port: MQTT's 1883, or 8883 with TLS (the usual TLS listener).
    quint16 defaultPort() const;

    Ui::BrokerPage *ui;
    WizardState *m_state;
};
