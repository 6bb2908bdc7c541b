#include "sync/ConflictsDialog.h"

#include "store/Store.h"
#include "sync/ConflictFieldsModel.h"
#include "sync/SyncController.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace centrale {

ConflictsDialog::ConflictsDialog(SyncController &controller, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_list(new QListWidget(this)), m_reason(new QLabel(this)), m_table(new QTableView(this)),
      m_fields(new ConflictFieldsModel(this)), m_error(new QLabel(this)), m_keep(new QPushButton(this)), m_take(new QPushButton(this))
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(tr("Conflicts with the server"));
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setAccessibleName(tr("Conflicts"));
    m_reason->setObjectName(QStringLiteral("conflictReason"));
    m_reason->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("conflictFields"));
    m_table->setModel(m_fields);
    m_fields->setNameOf([this](const QString &field, const QString &id) -> QString {
        if (field != QLatin1String("groups"))
            return {};
        auto group = m_controller.store().groups.get(id);
        return group ? group->name : QString();
    });
    m_table->setAccessibleName(tr("Fields of the record"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ConflictFieldsModel::Field, QHeaderView::ResizeToContents);
    m_error->setObjectName(QStringLiteral("conflictError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->hide();
    m_keep->setObjectName(QStringLiteral("keepMine"));
    m_take->setObjectName(QStringLiteral("takeTheirs"));

    auto *intro = new QLabel(tr("These changes of this store were refused by the server. Choose for each one which version stays."), this);
    intro->setWordWrap(true);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_reason);
    rightLayout->addWidget(m_table, 1);
    rightLayout->addWidget(m_error);
    auto *choice = new QHBoxLayout;
    choice->addStretch();
    choice->addWidget(m_keep);
    choice->addWidget(m_take);
    rightLayout->addLayout(choice);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(900, 520);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showSelected);
    connect(m_keep, &QPushButton::clicked, this, [this] { resolve(true); });
    connect(m_take, &QPushButton::clicked, this, [this] { resolve(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_controller, &SyncController::synced, this, &ConflictsDialog::reload);
    reload();
}

void ConflictsDialog::reload()
{
    const qint64 current
        = m_list->currentRow() >= 0 && m_list->currentRow() < m_conflicts.size() ? m_conflicts.at(m_list->currentRow()).id : -1;
    Result<QList<SyncConflict>> list = m_controller.conflicts();
    m_conflicts = list ? list.value() : QList<SyncConflict> {};
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int select = 0;
    for (const SyncConflict &c : std::as_const(m_conflicts)) {
        auto *item = new QListWidgetItem(c.title(), m_list);
        item->setToolTip(c.reason());
        item->setData(Qt::UserRole, c.id);
        if (c.id == current)
            select = m_list->count() - 1;
    }
    if (!list) {
        m_error->setText(list.error().message);
        m_error->show();
    }
    m_list->setCurrentRow(m_conflicts.isEmpty() ? -1 : select);
    showSelected();
}

void ConflictsDialog::showSelected()
{
    const int row = m_list->currentRow();
    const bool has = row >= 0 && row < m_conflicts.size();
    m_keep->setEnabled(has);
    m_take->setEnabled(has);
    if (!has) {
        m_fields->clear();
        m_reason->setText(m_conflicts.isEmpty() ? tr("No conflicts: every change of this store was accepted by the server.") : QString());
        m_keep->setText(tr("Keep mine"));
        m_take->setText(tr("Take theirs"));
        return;
    }
    const SyncConflict &c = m_conflicts.at(row);
    m_fields->setConflict(c);
    // A rejection has no server record to compare with: its reason is above.
    m_table->setColumnHidden(ConflictFieldsModel::Theirs, c.rejected());
    if (c.rejected()) {
        m_reason->setText(tr("<b>%1</b><br>The server refused this change: %2").arg(c.title().toHtmlEscaped(), c.reason().toHtmlEscaped()));
        m_keep->setText(tr("Try again"));
        m_keep->setToolTip(tr("Send this change again, for example once the reason is fixed on the server."));
        m_take->setText(tr("Drop my change"));
        m_take->setToolTip(tr("Forget this change and take the server's record."));
    } else {
        m_reason->setText(QStringLiteral("<b>%1</b><br>%2").arg(c.title().toHtmlEscaped(), c.reason().toHtmlEscaped()));
        m_keep->setText(tr("Keep mine"));
        m_keep->setToolTip(tr("Send this store's version to the server, over the server's."));
        m_take->setText(tr("Take theirs"));
        m_take->setToolTip(tr("Take the server's version here and drop this store's change."));
    }
}

void ConflictsDialog::resolve(bool keepMine)
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_conflicts.size())
        return;
    m_keep->setEnabled(false);
    m_take->setEnabled(false);
    m_error->hide();
    QPointer<ConflictsDialog> self(this);
    m_controller.resolve(m_conflicts.at(row).id, keepMine, [self](const SyncController::Answer &answer) {
        if (!self)
            return;
        if (!answer.ok) {
            self->m_error->setText(answer.message);
            self->m_error->show();
        }
        self->reload();
    });
}

} // namespace centrale
