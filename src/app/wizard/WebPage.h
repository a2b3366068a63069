#pragma once

#include "web/WebConfig.h"

#include <QWizardPage>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class WizardContext;
namespace nuki {
class Home;
class WebSource;
} // namespace nuki

// The assistant's third path: how to make an API token in Nuki Web with exactly the scopes
// needed, the token pasted (never shown), a test against Nuki Web (a refused token and a
// missing scope said in words), and the account's devices with which of them the home knows.
class WebPage : public QWizardPage
{
    Q_OBJECT
public:
    WebPage(WizardContext *context, QWidget *parent = nullptr);
    ~WebPage() override;
    int nextId() const override { return -1; }
    bool isComplete() const override { return m_tested; }
    nuki::WebConfig config() const { return m_config; }
    QString token() const;

private:
    void test();
    void showResult(const QString &text, bool ok);

    WizardContext *m_context;
    nuki::WebConfig m_config;
    QLineEdit *m_token;
    QPushButton *m_test;
    QLabel *m_result;
    std::unique_ptr<nuki::Home> m_probeHome; // the test's own, thrown away afterwards
    bool m_tested = false;
};
