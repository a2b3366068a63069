#include "wizard/WebPage.h"

#include "home/Home.h"
#include "protocol/PlainText.h"
#include "web/WebSource.h"
#include "wizard/WizardContext.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace nuki;

WebPage::WebPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent), m_context(context), m_config(context->webConfig())
{
    setTitle(tr("Nuki Web: an API token"));
    auto *how = new QLabel(
        tr("<ol><li>Open <b>Nuki Web</b> (web.nuki.io) and sign in.</li>"
           "<li>Open <i>API</i>, then <i>Generate API token</i>; name it, for example, "
           "“Nuki Desktop”.</li>"
           "<li>Tick exactly these scopes: <b>smartlock.readOnly</b> (see the devices), "
           "<b>smartlock.action</b> (lock and unlock), <b>smartlock.log</b> (who did what, for "
           "the history). Nothing more is needed: <i>smartlock.auth</i> would also show the "
           "keypad codes themselves.</li>"
           "<li>Save, copy the token (Nuki Web shows it once) and paste it below.</li></ol>"
           "The token works like a password for your locks: it is kept in the keychain only."),
        this);
    how->setWordWrap(true);
    how->setTextFormat(Qt::RichText);
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("API token"));
    m_token->setAccessibleName(tr("Nuki Web API token"));
    m_test = new QPushButton(tr("&Test the token"), this);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText); // device names are the account's words
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(how);
    layout->addWidget(m_token);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    layout->addStretch();
    connect(m_test, &QPushButton::clicked, this, &WebPage::test);
    connect(m_token, &QLineEdit::returnPressed, this, &WebPage::test);
    connect(m_token, &QLineEdit::textChanged, this, [this] {
        m_tested = false; // another token: tested again before it is kept
        emit completeChanged();
    });
}

WebPage::~WebPage() = default;

QString WebPage::token() const
{
    return m_token->text().trimmed();
}

void WebPage::showResult(const QString &text, bool ok)
{
    m_result->setText(text);
    m_tested = ok;
    m_test->setEnabled(true);
    emit completeChanged();
}

void WebPage::test()
{
    if (token().isEmpty()) {
        showResult(tr("Paste the API token first."), false);
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Asking Nuki Web…"));
    m_probeHome = std::make_unique<Home>();
    auto *source = new WebSource(m_config, token());
    m_probeHome->addSource(source);
    source->readAll([this, source](const SourceError &error) {
        if (!error.ok()) {
            showResult(error.kind == SourceError::Unauthorized
                           ? tr("Nuki Web does not accept this token. Check that it was copied "
                                "whole, and that it has the scope smartlock.readOnly.")
                           : error.message(),
                       false);
            return;
        }
        const QList<web::Lock> locks = source->locks();
        source->readLog(
            1, {}, [this, locks](const SourceError &logError, const QList<web::LogEntry> &) {
                // Which devices the home knows already (by id, never by name).
                const QHash<DeviceKey, QString> known = m_context->knownDevices();
                QStringList lines;
                for (const web::Lock &l : locks) {
                    QString line = QStringLiteral("• ") + plainText(l.name, 64);
                    if (const QString via = known.value({l.nukiId, l.deviceType}); !via.isEmpty())
                        line += tr(" — known at home through %1").arg(plainText(via, 64));
                    if (l.serverState > 0)
                        line += tr(" (Nuki Web cannot reach it now)");
                    lines << line;
                }
                QString text =
                    tr("Nuki Web accepts the token. The account has %n device(s):", nullptr,
                       int(locks.size())) +
                    u'\n' + lines.join(u'\n');
                if (!logError.ok())
                    text +=
                        u'\n' + tr("The token lacks smartlock.log: the history will not say who "
                                   "did what. You can make a new token with it later.");
                text +=
                    u'\n' + tr("At home, the bridges and brokers keep acting; Nuki Web steps in "
                               "for a device when they cannot reach it.");
                showResult(text, true);
            });
    });
}
