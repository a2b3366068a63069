#include "wizard/FinishPage.h"

#include "ui_FinishPage.h"
#include "wizard/WizardContext.h"

using namespace nuki;

FinishPage::FinishPage(WizardContext *context, const QString &reauthId,
                       std::function<QString()> foundId, QWidget *parent)
    : QWizardPage(parent), ui(new Ui::FinishPage), m_context(context), m_reauthId(reauthId),
      m_foundId(std::move(foundId))
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
    const QString id = m_foundId();
    if (ui->name->text().isEmpty())
        ui->name->setText(tr("Nuki Bridge %1").arg(id));
    if (isReauth()) {
        // Re-entering a token ends on what happened, not on an empty form.
        const std::optional<BridgeConfig> b = m_context->addedBridge(m_reauthId);
        setTitle(tr("The new token works"));
        setSubTitle(
            tr("Finish saves it for %1; the app uses it from now on.").arg(b ? b->name : id));
    } else {
        setTitle(tr("Almost done"));
        setSubTitle(tr("Name the bridge and choose how the app hears about changes."));
    }
    ui->name->setVisible(!isReauth());
    ui->nameLabel->setVisible(!isReauth());
    ui->push->setVisible(!isReauth());
    // Is there a keychain? Ask it now, so the person can choose before finishing.
    m_context->probeKeychain(
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

TokenStorage FinishPage::storage() const
{
    if (m_keychain)
        return TokenStorage::Keychain;
    return ui->keepInFile->isChecked() ? TokenStorage::File : TokenStorage::RunOnly;
}
