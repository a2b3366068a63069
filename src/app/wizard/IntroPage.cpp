#include "wizard/IntroPage.h"

#include "ui_IntroPage.h"
#include "wizard/WizardState.h"

IntroPage::IntroPage(QWidget *parent) : QWizardPage(parent), ui(new Ui::IntroPage)
{
    ui->setupUi(this);
    setTitle(tr("What do you want to connect?"));
    // Each path's needs sit under its choice, both readable: they are how a person chooses.
}

IntroPage::~IntroPage()
{
    delete ui;
}

bool IntroPage::wifiLockChosen() const
{
    return ui->wifiPath->isChecked();
}

bool IntroPage::webChosen() const
{
    return ui->webPath->isChecked();
}

int IntroPage::nextId() const
{
    return webChosen()        ? WizardState::WebId
           : wifiLockChosen() ? WizardState::BrokerId
                              : WizardState::FindId;
}
