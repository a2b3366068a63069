#include "HistoryWindow.h"

#include "HistoryCharts.h"
#include "HistoryModel.h"
#include "platform/Clock.h"

#include "history/HistoryCsvExport.h"
#include "history/HistoryExport.h"
#include "history/HistoryText.h"
#include "history/Journal.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace nuki;

namespace {
// The kind filter's entries: the kinds each stands for (its label is the first one's).
const QList<QList<HistoryKind>> &kindChoices()
{
    static const QList<QList<HistoryKind>> choices = {
        {},
        {HistoryKind::Action},
        {HistoryKind::StateChanged, HistoryKind::LockEvent},
        {HistoryKind::DoorOpened, HistoryKind::DoorClosed},
        {HistoryKind::Ring},
        {HistoryKind::Battery},
        {HistoryKind::SourceOffline, HistoryKind::SourceOnline, HistoryKind::HistoryPaused},
        {HistoryKind::Automation},
    };
    return choices;
}
enum Range
{
    AnyTime,
    Today,
    Week,
    Month,
    Custom
};
} // namespace

HistoryWindow::HistoryWindow(const QString &path, Journal *journal, QWidget *parent)
    : QWidget(parent, Qt::Window), m_path(path), m_journal(nullptr),
      m_model(new HistoryModel(path, this)), m_banner(new QLabel(this)),
      m_device(new QComboBox(this)), m_kind(new QComboBox(this)), m_range(new QComboBox(this)),
      m_from(new QDateEdit(this)), m_until(new QDateEdit(this)), m_search(new QLineEdit(this)),
      m_tabs(new QTabWidget(this)), m_list(new QListView(this)), m_count(new QLabel(this)),
      m_battery(new BatteryChart(this)), m_door(new DoorChart(this))
{
    setWindowTitle(tr("History — Nuki Desktop"));
    setObjectName(QStringLiteral("HistoryWindow"));
    resize(720, 560);
    setMinimumWidth(340);

    m_banner->setObjectName(QStringLiteral("historyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setAccessibleName(tr("History status"));

    m_device->setAccessibleName(tr("Device"));
    m_kind->setAccessibleName(tr("Kind of event"));
    for (const QList<HistoryKind> &k : kindChoices())
        m_kind->addItem(k.isEmpty() ? tr("Everything") : historyKindLabel(k.first()));
    m_range->setAccessibleName(tr("Time"));
    m_range->addItems(
        {tr("Any time"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("Between…")});
    for (QDateEdit *d : {m_from, m_until}) {
        d->setCalendarPopup(true);
        d->setDate(clock::today());
        d->setVisible(false);
    }
    m_from->setAccessibleName(tr("From"));
    m_until->setAccessibleName(tr("Until"));
    m_search->setPlaceholderText(tr("Search: a name, “keypad”, “Anna”…"));
    m_search->setAccessibleName(tr("Search the history"));
    m_search->setClearButtonEnabled(true);
    // Qt derives the placeholder's colour poorly in some dark palettes: half way between the
    // text and the field, readable in both.
    auto placeholderFromText = [this] {
        QPalette p = m_search->palette();
        const QColor text = p.color(QPalette::Text), base = p.color(QPalette::Base);
        p.setColor(QPalette::PlaceholderText,
                   QColor((text.red() + base.red() * 2) / 3, (text.green() + base.green() * 2) / 3,
                          (text.blue() + base.blue() * 2) / 3)
                       .lighter(base.lightness() < 128 ? 160 : 100));
        m_search->setPalette(p);
    };
    placeholderFromText();
    m_placeholderFix = placeholderFromText;

    // Filters flow: in a narrow window they wrap into two rows.
    auto *filters = new QGridLayout;
    filters->addWidget(m_device, 0, 0);
    filters->addWidget(m_kind, 0, 1);
    filters->addWidget(m_range, 1, 0);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(m_until);
    filters->addLayout(dates, 1, 1);
    filters->addWidget(m_search, 2, 0, 1, 2);

    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true); // 100 000 rows: no per-row measuring
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setAccessibleName(tr("Timeline"));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_tabs->addTab(m_list, tr("&Timeline"));
    m_tabs->addTab(m_battery, tr("&Battery"));
    m_tabs->addTab(m_door, tr("&Door"));

    auto *exportButton = m_exportButton = new QPushButton(tr("&Export CSV…"), this);
    auto *closeButton = new QPushButton(tr("&Close"), this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(exportButton);
    bottom->addWidget(closeButton);
    m_count->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(filters);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &HistoryWindow::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    for (QComboBox *b : {m_device, m_kind})
        connect(b, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilter);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_from->setVisible(i == Custom);
        m_until->setVisible(i == Custom);
        applyFilter();
    });
    for (QDateEdit *d : {m_from, m_until})
        connect(d, &QDateEdit::dateChanged, this, &HistoryWindow::applyFilter);
    connect(m_tabs, &QTabWidget::currentChanged, this, &HistoryWindow::updateCharts);
    connect(exportButton, &QPushButton::clicked, this, &HistoryWindow::chooseExport);
    connect(closeButton, &QPushButton::clicked, this, &QWidget::close);
    new QShortcut(QKeySequence::Find, m_search, [this] { m_search->setFocus(); });
    new QShortcut(QKeySequence(Qt::Key_Escape), this, [this] { close(); });

    // New events while the window is open: read again (a moment later, so that a burst is
    // one read), unless the person has scrolled down to read older ones.
    m_followDelay.setSingleShot(true);
    m_followDelay.setInterval(500);
    connect(&m_followDelay, &QTimer::timeout, this, [this] {
        if (m_list->verticalScrollBar()->value() == 0) {
            if (m_model->rowCount() == 0 || !m_model->isOpen())
                fillDevices();
            m_model->reload();
            updateBanner();
            updateCharts();
        }
    });
    followJournal(journal);
    fillDevices();
    applyFilter();
}

void HistoryWindow::followJournal(Journal *journal)
{
    m_journal = journal;
    if (!m_journal)
        return;
    connect(m_journal, &Journal::eventsWritten, &m_followDelay, qOverload<>(&QTimer::start),
            Qt::UniqueConnection);
    connect(m_journal, &Journal::statusChanged, this, &HistoryWindow::updateBanner,
            Qt::UniqueConnection);
}

void HistoryWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_placeholderFix) {
        m_search->setPalette(palette());
        m_placeholderFix();
    }
    QWidget::changeEvent(event);
}

void HistoryWindow::fillDevices()
{
    const QVariant current = m_device->currentData();
    QSignalBlocker block(m_device);
    m_device->clear();
    m_device->addItem(tr("All devices"));
    if (m_model->isOpen())
        for (const JournalDb::KnownDevice &d : m_model->db().devices())
            m_device->addItem(d.name.isEmpty() ? d.key.toString() : d.name, d.key.toString());
    const int i = m_device->findData(current);
    m_device->setCurrentIndex(i < 0 ? 0 : i);
}

void HistoryWindow::showDevice(const DeviceKey &key)
{
    fillDevices();
    const int i = key.nukiId ? m_device->findData(key.toString()) : 0;
    m_device->setCurrentIndex(qMax(0, i));
    if (key.nukiId && i < 0) {
        // Nothing recorded yet for it: say so rather than show everything.
        m_device->addItem(tr("(nothing recorded yet)"), key.toString());
        m_device->setCurrentIndex(m_device->count() - 1);
    }
    m_tabs->setCurrentIndex(0);
}

HistoryFilter HistoryWindow::currentFilter() const
{
    HistoryFilter f;
    if (const QString key = m_device->currentData().toString(); !key.isEmpty())
        f.device = DeviceKey::fromString(key);
    f.kinds = kindChoices().value(m_kind->currentIndex());
    const QDate today = clock::today();
    switch (m_range->currentIndex()) {
    case Today:
        f.since = today.startOfDay();
        break;
    case Week:
        f.since = today.addDays(-6).startOfDay();
        break;
    case Month:
        f.since = today.addDays(-29).startOfDay();
        break;
    case Custom:
        f.since = m_from->date().startOfDay();
        f.until = m_until->date().addDays(1).startOfDay();
        break;
    default:
        break;
    }
    f.text = m_search->text();
    return f;
}

void HistoryWindow::applyFilter()
{
    m_model->setFilter(currentFilter());
    updateBanner();
    updateCharts();
}

void HistoryWindow::updateCharts()
{
    if (!m_model->isOpen())
        return;
    // Only the chart in view is drawn: the others wait until they are chosen.
    if (m_tabs->currentWidget() == m_battery)
        m_battery->show(m_model->db(), m_model->filter());
    else if (m_tabs->currentWidget() == m_door)
        m_door->show(m_model->db(), m_model->filter());
}

void HistoryWindow::updateBanner()
{
    QString text;
    if (!m_model->isOpen())
        text = QFileInfo::exists(m_path)
                   ? tr("The history cannot be read: %1.").arg(m_model->problem())
                   : tr("Nothing recorded yet. From now on the app keeps what happens at your "
                        "doors here, on this computer only.");
    else if (m_journal && m_journal->status() == Journal::Status::Paused)
        text = m_journal->statusText();
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    const qint64 total = m_model->isOpen() ? m_model->db().count(m_model->filter()) : 0;
    m_count->setText(tr("%n event(s)", nullptr, int(qMin<qint64>(total, INT_MAX))));
}

HistoryCsvExport *HistoryWindow::startExport(const QString &file)
{
    if (m_export)
        return nullptr;
    m_export = new HistoryCsvExport(m_path, m_model->filter(), file, this);
    m_progress = new QProgressDialog(tr("Exporting the history…"), tr("Cancel"), 0, 100, this);
    m_progress->setWindowTitle(tr("Export the history"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300); // a small export ends before it would show
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_exportButton->setEnabled(false);
    connect(m_progress, &QProgressDialog::canceled, m_export, &HistoryCsvExport::cancel);
    connect(m_export, &HistoryCsvExport::progress, m_progress, [this](qint64 done, qint64 total) {
        // In per cent: a progress bar's int holds no row count beyond 2^31.
        m_progress->setValue(total > 0 ? int(done * 100 / total) : 0);
        m_progress->setLabelText(tr("Exporting the history… %1 of %Ln event(s)", nullptr,
                                    int(qMin<qint64>(total, INT_MAX)))
                                     .arg(QLocale().toString(done)));
    });
    connect(m_export, &HistoryCsvExport::finished, this,
            [this](bool ok, bool cancelled, qint64 rows, const QString &error) {
                const QString file = m_export->target();
                m_export->deleteLater();
                m_export = nullptr;
                m_progress->deleteLater();
                m_progress = nullptr;
                m_exportButton->setEnabled(true);
                if (ok)
                    m_count->setText(
                        tr("%Ln event(s) exported to %1", nullptr, int(qMin<qint64>(rows, INT_MAX)))
                            .arg(QFileInfo(file).fileName()));
                else if (cancelled)
                    m_count->setText(tr("Export cancelled: no file was written."));
                emit exportFinished(ok);
                if (!ok && !cancelled) // after this signal's other receivers: a modal box
                    QMetaObject::invokeMethod(
                        this,
                        [this, error] {
                            QMessageBox::warning(this, tr("Export the history"),
                                                 tr("The file could not be written: %1. "
                                                    "Nothing was left half-written.")
                                                     .arg(error));
                        },
                        Qt::QueuedConnection);
            });
    // On the next turn of the event loop: whoever asked can still connect to it, or cancel.
    QMetaObject::invokeMethod(m_export, &HistoryCsvExport::start, Qt::QueuedConnection);
    return m_export;
}

bool HistoryWindow::exportCsv(const QString &file, QString *error)
{
    HistoryCsvExport *task = startExport(file);
    if (!task) {
        *error = tr("an export is running");
        return false;
    }
    bool done = false, ok = false;
    QEventLoop loop;
    connect(task, &HistoryCsvExport::finished, &loop,
            [&](bool good, bool, qint64, const QString &why) {
                done = true;
                ok = good;
                *error = why;
                loop.quit();
            });
    if (!done)
        loop.exec();
    return ok;
}

void HistoryWindow::chooseExport()
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export the history"),
        QDir::home().filePath(tr("nuki-history-%1.csv").arg(clock::today().toString(Qt::ISODate))),
        tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    startExport(file);
}
