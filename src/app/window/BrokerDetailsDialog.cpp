#include "window/BrokerDetailsDialog.h"

#include "home/Home.h"
#include "mqtt/BrokerSource.h"
#include "window/DeviceCard.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace nuki;

BrokerDetailsDialog::BrokerDetailsDialog(Home *home, const QString &brokerId, QWidget *parent)
    : QDialog(parent), m_home(home), m_id(brokerId)
{
    setWindowTitle(tr("Broker details"));
    resize(480, 360);
    m_form = new QFormLayout;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch();
    layout->addWidget(buttons);
    fill();
    connect(home, &Home::sourceChanged, this, [this](const QString &id) {
        if (id == m_id)
            fill();
    });
    connect(home, &Home::deviceChanged, this, &BrokerDetailsDialog::fill);
    // Nothing here outlives the broker it shows.
    connect(home, &Home::sourceRemoved, this, [this](const QString &id) {
        if (id == m_id)
            reject();
    });
}

void BrokerDetailsDialog::fill()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const BrokerSource *b = brokerSource(*m_home, m_id);
    if (!b)
        return;
    auto label = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setWordWrap(true);
        return l;
    };
    m_form->addRow(tr("Name:"), label(b->name()));
    m_form->addRow(tr("Address:"), label(b->address()));
    m_form->addRow(tr("Status:"), label(linkStatusText(b->link())));
    m_form->addRow(tr("Connection:"),
                   label((b->config().tls ? tr("TLS") : tr("plain")) + QStringLiteral(", ") +
                         (b->protocolVersion() == 5 ? tr("MQTT 5") : tr("MQTT 3.1.1"))));
    if (!b->config().username.isEmpty())
        m_form->addRow(tr("User:"), label(b->config().username));
    for (quint32 id : b->lockIds()) {
        const BrokerSource::LockInfo *info = b->lockInfo(id);
        const DeviceRecord *r = nullptr;
        for (const DeviceKey &k : m_home->devices())
            if (k.nukiId == id)
                r = m_home->device(k);
        if (!info || !r)
            continue;
        QStringList lines;
        if (!info->model.isEmpty())
            lines << info->model;
        if (!info->firmware.isEmpty())
            lines << tr("Firmware %1").arg(info->firmware);
        lines << (!info->connected   ? tr("Not known to be connected")
                  : *info->connected ? tr("Connected to the broker")
                                     : tr("Not connected (its last will)"));
        if (info->serverConnected)
            lines << (*info->serverConnected ? tr("Linked to Nuki's cloud")
                                             : tr("Not linked to Nuki's cloud"));
        if (info->lastMessage.isValid())
            lines << tr("Last message %1").arg(DeviceCard::agoText(info->lastMessage));
        if (info->retainedCommandSeen)
            lines << tr("A command is stored (retained) on the broker for this lock: it reaches "
                        "the lock each time it connects. Remove it (publish an empty retained "
                        "message to its lockAction topic).");
        m_form->addRow(r->device.name + u':', label(lines.join(u'\n')));
    }
}
