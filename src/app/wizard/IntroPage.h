#pragma once

#include <QWizardPage>

namespace Ui {
class IntroPage;
}

// What to connect: a Nuki Bridge (HTTP API), a Wi-Fi lock through an MQTT broker, or Nuki Web. The
// choice picks the pages that follow.
class IntroPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit IntroPage(QWidget *parent = nullptr);
    ~IntroPage() override;
    int nextId() const override;
    bool wifiLockChosen() const;
    bool webChosen() const;

private:
    Ui::IntroPage *ui;
};
