#include "window/DeviceListView.h"

#include "AppController.h"
#include "window/DeviceCard.h"
#include "window/SourceHeader.h"

#include <QLabel>
#include <QScrollBar>
#include <QVBoxLayout>

using namespace nuki;

DeviceListView::DeviceListView(AppController *app, QWidget *parent)
    : QScrollArea(parent), m_app(app)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(this);
    m_layout = new QVBoxLayout(m_content);
    m_layout->setSpacing(6);
    m_empty =
        new QLabel(tr("No devices yet. The list fills as soon as a bridge answers."), m_content);
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    static_cast<QLabel *>(m_empty)->setWordWrap(true);
    m_layout->addWidget(m_empty);
    m_favouritesTitle = new QLabel(tr("Favourites"), m_content);
    m_favouritesTitle->setObjectName(QStringLiteral("favouritesTitle"));
    QFont bold = m_favouritesTitle->font();
    bold.setBold(true);
    m_favouritesTitle->setFont(bold);
    m_favouritesTitle->setContentsMargins(4, 8, 4, 2);
    m_favouritesTitle->hide();
    m_noMatch = new QLabel(m_content);
    m_noMatch->setObjectName(QStringLiteral("noMatchLabel"));
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();
    setAccessibleName(tr("Devices"));
    verticalScrollBar()->setAccessibleName(tr("Scroll the device list"));
    horizontalScrollBar()->setAccessibleName(tr("Scroll the device list sideways"));
    m_layout->addStretch();
    setWidget(m_content);

    QAbstractItemModel *model = app->model();
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { addRows(first, last); });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { removeRows(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    if (DeviceCard *c = card(m_app->model()->keyAt(row)))
                        c->refresh();
                if (!m_filter.isEmpty())
                    applyFilter(); // a state the filter asks for may have come or gone
            });
    connect(app, &AppController::favouritesChanged, this, [this] {
        for (DeviceCard *c : std::as_const(m_cards))
            c->setFavourite(m_app->isFavourite(c->key()));
        rebuildOrder();
    });
    Home *home = app->home();
    connect(home, &Home::sourceChanged, this, [this](const QString &id) {
        if (SourceHeader *h = m_headers.value(id))
            h->refresh();
    });
    connect(home, &Home::sourceAdded, this, [this](const QString &id) {
        ensureHeader(id);
        rebuildOrder();
    });
    connect(home, &Home::sourceRemoved, this, [this](const QString &id) {
        delete m_headers.take(id);
        rebuildOrder();
    });
    // A device that another source now acts for moves under that source's header.
    connect(home, &Home::deviceChanged, this, [this](const DeviceKey &key) {
        const DeviceRecord *r = m_app->home()->device(key);
        if (r && m_cards.contains(key) && m_groupOf.value(key) != r->sourceId)
            rebuildOrder();
    });
    for (const QString &id : home->sourceIds())
        ensureHeader(id);
    if (model->rowCount() > 0)
        addRows(0, model->rowCount() - 1);

    m_ageTimer.setInterval(5000);
    m_ageTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        for (DeviceCard *c : std::as_const(m_cards))
            c->refreshAge();
        for (SourceHeader *h : std::as_const(m_headers))
            h->refresh(); // "showing what was last seen 5 min ago"
    });
}

void DeviceListView::showEvent(QShowEvent *event)
{
    m_ageTimer.start();
    for (DeviceCard *c : std::as_const(m_cards))
        c->refreshAge();
    QScrollArea::showEvent(event);
}

void DeviceListView::hideEvent(QHideEvent *event)
{
    m_ageTimer.stop(); // no wake-ups while nobody looks
    QScrollArea::hideEvent(event);
}

DeviceCard *DeviceListView::card(const DeviceKey &key) const
{
    return m_cards.value(key);
}

QList<DeviceCard *> DeviceListView::cards() const
{
    QList<DeviceCard *> list;
    for (int row = 0; row < m_app->model()->rowCount(); ++row)
        if (DeviceCard *c = card(m_app->model()->keyAt(row)))
            list << c;
    return list;
}

void DeviceListView::ensureHeader(const QString &sourceId)
{
    if (m_headers.contains(sourceId) || !m_app->home()->source(sourceId))
        return;
    auto *h = new SourceHeader(m_app->home(), sourceId, m_content);
    h->setPushProblem([this, sourceId] {
        const nuki::PushManager::BridgePush *p =
            m_app->push() ? m_app->push()->state(sourceId) : nullptr;
        return p ? p->problem : QString();
    });
    connect(h, &SourceHeader::detailsRequested, this, &DeviceListView::detailsRequested);
    connect(h, &SourceHeader::newTokenRequested, this, &DeviceListView::newTokenRequested);
    m_headers.insert(sourceId, h);
}

void DeviceListView::addRows(int first, int last)
{
    DeviceListModel *model = m_app->model();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = model->index(row);
        const DeviceKey key = model->keyAt(row);
        auto *c = new DeviceCard(QPersistentModelIndex(index), m_content);
        connect(c, &DeviceCard::actionRequested, this,
                [this](const DeviceKey &k, int action) { m_app->requestAction(k, action, this); });
        connect(c, &DeviceCard::refreshRequested, this,
                [this](const DeviceKey &k) { m_app->home()->refreshDevice(k); });
        connect(c, &DeviceCard::favouriteToggled, m_app, &AppController::setFavourite);
        connect(c, &DeviceCard::historyRequested, m_app, &AppController::requestHistory);
        c->setFavourite(m_app->isFavourite(key));
        m_cards.insert(key, c);
        if (const DeviceRecord *r = m_app->home()->device(key))
            ensureHeader(r->sourceId);
    }
    rebuildOrder();
}

void DeviceListView::removeRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        m_groupOf.remove(m_app->model()->keyAt(row));
        delete m_cards.take(m_app->model()->keyAt(row));
    }
    rebuildOrder();
}

void DeviceListView::rebuildOrder()
{
    // Devices arrive one row at a time (200 in one /list): place them once, after the batch.
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        m_rebuildPending = false;
        placeWidgets();
    });
}

void DeviceListView::placeWidgets()
{
    // Re-place widgets (cheap: no widget is created or destroyed here). Favourites first, then
    // each source's devices under its header.
    while (m_layout->count() > 0)
        delete m_layout->takeAt(0); // the layout item only; the widget stays
    const QStringList sources = m_app->home()->sourceIds();
    DeviceListModel *model = m_app->model();
    QList<DeviceCard *> ordered;
    m_layout->addWidget(m_favouritesTitle);
    for (int row = 0; row < model->rowCount(); ++row)
        if (DeviceCard *c = m_cards.value(model->keyAt(row)); c && c->isFavourite()) {
            m_layout->addWidget(c);
            ordered << c;
        }
    m_groupOf.clear();
    for (const QString &id : sources) {
        if (SourceHeader *h = m_headers.value(id))
            m_layout->addWidget(h);
        for (int row = 0; row < model->rowCount(); ++row) {
            const DeviceKey key = model->keyAt(row);
            const DeviceRecord *r = m_app->home()->device(key);
            if (!r || r->sourceId != id)
                continue;
            m_groupOf.insert(key, id);
            if (DeviceCard *c = m_cards.value(key); c && !c->isFavourite()) {
                m_layout->addWidget(c);
                ordered << c;
            }
        }
    }
    m_layout->addWidget(m_noMatch);
    m_layout->addWidget(m_empty);
    m_empty->setVisible(m_cards.isEmpty());
    m_layout->addStretch();
    applyFilter();
    // Tab order follows the visual order.
    QWidget *previous = nullptr;
    for (DeviceCard *c : std::as_const(ordered)) {
        if (previous)
            setTabOrder(previous, c);
        previous = c;
    }
    emit countChanged(int(m_cards.size()));
}

void DeviceListView::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    applyFilter();
    verticalScrollBar()->setValue(0);
}

void DeviceListView::applyFilter()
{
    const QString needle = m_filter.trimmed();
    QSet<QString> sourcesShown;
    bool favouriteShown = false;
    int shown = 0;
    for (DeviceCard *c : std::as_const(m_cards)) {
        const bool match =
            needle.isEmpty() || c->searchText().contains(needle, Qt::CaseInsensitive);
        c->setVisible(match);
        if (!match)
            continue;
        ++shown;
        if (c->isFavourite())
            favouriteShown = true;
        else
            sourcesShown.insert(m_groupOf.value(c->key()));
    }
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it) {
        // A source's header also matches by its name; without a filter every source shows.
        const Source *s = m_app->home()->source(it.key());
        const bool nameMatch =
            s && !needle.isEmpty() && s->name().contains(needle, Qt::CaseInsensitive);
        it.value()->setVisible(needle.isEmpty() || sourcesShown.contains(it.key()) || nameMatch);
    }
    m_favouritesTitle->setVisible(favouriteShown);
    m_noMatch->setText(tr("No device matches “%1”. Press Esc to show all.").arg(needle));
    m_noMatch->setVisible(!needle.isEmpty() && shown == 0);
}

int DeviceListView::visibleCount() const
{
    int n = 0;
    for (DeviceCard *c : std::as_const(m_cards))
        n += !c->isHidden();
    return n;
}
