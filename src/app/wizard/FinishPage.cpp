#include "wizard/FinishPage.h"

#include "AppController.h"
#include "ui_FinishPage.h"
#include "wizard/SetupWizard.h"

using namespace nuki;

FinishPage::FinishPage(SetupWizard *wizard)
    : QWizardPage(wizard), ui(new Ui::FinishPage), m_wizard(wizard)
{
    ui->setupUi(this);
    setTitle(tr("Almost done"));
    setFinalPage(true);
    ui->keychain->hide();
    ui->keepForRun->hide();
    ui->keepInFile->hide();
}

FinishPage::~FinishPage()
{
    delete ui;
}

void FinishPage::initializePage()
{
    const QString id = QString::number(m_wizard->info.serverId, 16).toUpper();
    if (ui->name->text().isEmpty())
        ui->name->setText(tr("Nuki Bridge %1").arg(id));
    if (m_wizard->isReauth()) {
        // Re-entering a token ends on what happened, not on an empty form.
        const BridgeState *b = m_wizard->app()->home()->bridge(m_wizard->reauthId());
        setTitle(tr("The new token works"));
        setSubTitle(tr("Finish saves it for %1; the app uses it from now on.")
                        .arg(b ? b->config.name : id));
    } else {
        setTitle(tr("Almost done"));
        setSubTitle(tr("Name the bridge and choose how the app hears about changes."));
    }
    ui->name->setVisible(!m_wizard->isReauth());
    ui->nameLabel->setVisible(!m_wizard->isReauth());
    ui->push->setVisible(!m_wizard->isReauth());
    // Is there a keychain? Ask it now, so the person can choose before finishing.
    m_wizard->app()->secrets()->probe(
        [this, guard = QPointer<FinishPage>(this)](bool ok, const QString &error) {
            if (!guard)
                return;
            m_keychain = ok;
            ui->keychain->setText(
                ok ? QString()
                   : tr("The token cannot be kept in a keychain: %1 Choose how to keep it:")
                         .arg(error));
            ui->keychain->setVisible(!ok);
            ui->keepForRun->setVisible(!ok);
            ui->keepInFile->setVisible(!ok);
        });
}

QString FinishPage::bridgeName() const
{
    return ui->name->text().trimmed();
}

bool FinishPage::pushWanted() const
{
    return ui->push->isChecked();
}

AppController::TokenStorage FinishPage::storage() const
{
    if (m_keychain)
        return AppController::TokenStorage::Keychain;
    return ui->keepInFile->isChecked() ? AppController::TokenStorage::File
                                       : AppController::TokenStorage::RunOnly;
}
