#pragma once

#include "home/HomeTypes.h"

#include <QWizardPage>
#include <memory>

namespace Ui {
class BrokerLocksPage;
}
namespace nuki {
class BrokerSource;
}
struct WizardState;
class WizardContext;

// The Wi-Fi lock path, last step: tests the connection with the broker source itself (its
// error words, and advice for each kind), lists the locks it finds within its settling time
// (and any that connect while the page is open) with a tick each, and names the broker. The
// source here is a probe of its own, with a client id of its own; Finish hands the choice to
// the wizard, which saves the broker as the app and nukictl do.
class BrokerLocksPage : public QWizardPage
{
    Q_OBJECT
public:
    BrokerLocksPage(WizardState *state, WizardContext *context, QWidget *parent);
    ~BrokerLocksPage() override;
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    int nextId() const override { return -1; }

    QString statusText() const;
    QString adviceText() const;
    int lockCount() const;
    // The locks found but not ticked: the broker is added without them.
    QList<quint32> ignoredLocks() const;
    QString brokerName() const;
    // What to do about a failure, in plain words (the error itself says what happened).
    static QString adviceFor(const nuki::SourceError &error, bool tls);

public slots:
    void test();

private:
    void failed(const nuki::SourceError &error);
    void showLocks(const QList<nuki::Device> &devices);
    void describe();
    void dropProbe();
    // What only a working connection shows: the locks, and the broker's name.
    QList<QWidget *> connectedOnly() const;

    Ui::BrokerLocksPage *ui;
    WizardState *m_state;
    WizardContext *m_context;
    std::unique_ptr<nuki::BrokerSource> m_probe;
    bool m_ok = false;
};
