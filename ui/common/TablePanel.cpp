#include "common/TablePanel.h"

#include "common/PagedTableModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace centrale {

TablePanel::TablePanel(const QString &objectName, PagedTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_title(new QLabel(this)), m_description(new QLabel(this)), m_filter(new QLineEdit(this)),
      m_count(new QLabel(this)), m_toolBar(new QToolBar(this)), m_table(new QTableView(this)), m_splitter(new QSplitter(this)), m_filterTimer(new QTimer(this))
{
    setObjectName(objectName);
    model->setParent(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_description->setWordWrap(true);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(model);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_splitter->addWidget(m_table);
    m_splitter->setChildrenCollapsible(false);

    m_toolBar->setObjectName(QStringLiteral("toolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The actions get a row of their own: in Dutch and French they need the width.
    auto *filterRow = new QHBoxLayout;
    m_filterRow = filterRow;
    filterRow->addWidget(m_count, 1);
    filterRow->addWidget(m_filter);
    m_filter->setMinimumWidth(260);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_toolBar);
    layout->addLayout(filterRow);
    // An empty tool bar takes no room.
    m_toolBar->setVisible(false);
    m_toolBar->installEventFilter(this);
    layout->addWidget(m_splitter, 1);

    // Filtering a large list in SQL takes a while: then wait until typing pauses.
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(200);
    connect(m_filterTimer, &QTimer::timeout, this, [this] { m_model->setFilter(m_filter->text()); });
    connect(m_filter, &QLineEdit::textChanged, this, [this] {
        if (m_model->filterIsCheap())
            m_model->setFilter(m_filter->text());
        else
            m_filterTimer->start();
    });
    connect(m_model, &PagedTableModel::totalCountChanged, this, &TablePanel::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentChanged(m_model->idAt(current.row())); });
    // After a reload, keep a row selected so that the detail area shows something useful.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
        else
            Q_EMIT currentChanged({});
    });
    retranslate();
}

void TablePanel::selectFirstRowIfNone()
{
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
}

void TablePanel::setTexts(const QString &title, const QString &description)
{
    m_title->setText(title);
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
    m_table->setAccessibleName(title);
}

void TablePanel::setDetail(QWidget *detail, int tableStretch, int detailStretch)
{
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, tableStretch);
    m_splitter->setStretchFactor(1, detailStretch);
}

QString TablePanel::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : QString();
}

void TablePanel::setMultiSelection(bool on)
{
    m_table->setSelectionMode(on ? QAbstractItemView::ExtendedSelection : QAbstractItemView::SingleSelection);
}

QStringList TablePanel::selectedIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    for (int row : std::as_const(rows))
        ids << m_model->idAt(row);
    return ids;
}

bool TablePanel::selectId(const QString &id)
{
    for (int r = 0; r < m_model->rowCount() && !id.isEmpty(); ++r) {
        if (m_model->idAt(r) == id) {
            m_table->setCurrentIndex(m_model->index(r, 0));
            return true;
        }
    }
    return false;
}

void TablePanel::selectIds(const QStringList &ids)
{
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    QItemSelection selection;
    for (int r = 0; r < m_model->rowCount() && !wanted.isEmpty(); ++r) {
        if (wanted.contains(m_model->idAt(r)))
            selection.select(m_model->index(r, 0), m_model->index(r, m_model->columnCount() - 1));
    }
    if (!selection.isEmpty())
        m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TablePanel::addFilterWidget(QWidget *widget)
{
    m_filterRow->insertWidget(m_filterRow->indexOf(m_filter), widget);
}

void TablePanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void TablePanel::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("panels/%1/header").arg(objectName()), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("panels/%1/splitter").arg(objectName()), m_splitter->saveState());
}

void TablePanel::restoreLayout()
{
    QSettings settings;
    const QByteArray header = settings.value(QStringLiteral("panels/%1/header").arg(objectName())).toByteArray();
    if (header.isEmpty() || !m_table->horizontalHeader()->restoreState(header)) {
        m_table->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 320));
    }
    m_splitter->restoreState(settings.value(QStringLiteral("panels/%1/splitter").arg(objectName())).toByteArray());
}

bool TablePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_toolBar && (event->type() == QEvent::ActionAdded || event->type() == QEvent::ActionRemoved))
        QMetaObject::invokeMethod(this, [this] { m_toolBar->setVisible(!m_toolBar->actions().isEmpty()); }, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void TablePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void TablePanel::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter…"));
    m_filter->setAccessibleName(tr("Filter"));
    updateCount();
}

void TablePanel::updateCount()
{
    m_count->setText(tr("%n item(s)", nullptr, m_model->totalCount()));
}

} // namespace centrale
