#pragma once

#include <QWizardPage>

namespace Ui {
class IntroPage;
}

class IntroPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit IntroPage(QWidget *parent = nullptr);
    ~IntroPage() override;

private:
    Ui::IntroPage *ui;
};
