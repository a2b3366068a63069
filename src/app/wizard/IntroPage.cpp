#include "wizard/IntroPage.h"

#include "ui_IntroPage.h"

IntroPage::IntroPage(QWidget *parent) : QWizardPage(parent), ui(new Ui::IntroPage)
{
    ui->setupUi(this);
    setTitle(tr("Connect a Nuki Bridge"));
}

IntroPage::~IntroPage()
{
    delete ui;
}
