#include "phones/UserSearchDialog.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace centrale {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

UserSearchDialog::UserSearchDialog(Store &store, QWidget *parent)
    : QDialog(parent), m_store(store), m_search(new QLineEdit(this)), m_results(new QTableWidget(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("userSearchDialog"));
    setWindowTitle(tr("Find a colleague"));
    m_search->setObjectName(QStringLiteral("userSearchText"));
    m_search->setPlaceholderText(tr("Name, number or username"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_results->setObjectName(QStringLiteral("userSearchResults"));
    m_results->setColumnCount(3);
    m_results->setHorizontalHeaderLabels({tr("Name"), tr("Username"), tr("Direct number")});
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->setVisible(false);
    m_results->verticalHeader()->setDefaultSectionSize(m_results->fontMetrics().height() + 8);
    m_results->setWordWrap(false);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_status->setObjectName(QStringLiteral("userSearchStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("&Search:"), this);
    label->setBuddy(m_search);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(560, 420);

    connect(m_search, &QLineEdit::textChanged, this, &UserSearchDialog::search);
    connect(m_results, &QTableWidget::itemSelectionChanged, this, &UserSearchDialog::updateOk);
    connect(m_results, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    search({});
}

void UserSearchDialog::search(const QString &text)
{
    ListQuery query;
    query.filter = text.trimmed();
    query.limit = MaxResults + 1;
    // A number as people type it ("02 345 67", "0475 12"): the direct and mobile numbers, in any form.
    static const QRegularExpression numberLike(QStringLiteral("^\\+?[0-9][0-9 ./-]*$"));
    Result<QList<User>> users = QList<User> {};
    if (numberLike.match(query.filter).hasMatch()) {
        for (const QString &field : {QStringLiteral("directNumber"), QStringLiteral("mobile")}) {
            query.filterField = field;
            auto found = m_store.users.list(query);
            if (!found) {
                users = found.error();
                break;
            }
            for (const User &u : *found) {
                const bool known = std::any_of(users->cbegin(), users->cend(), [&u](const User &o) { return o.id == u.id; });
                if (!known)
                    users->append(u);
            }
        }
    } else {
        users = m_store.users.list(query);
    }
    m_results->setRowCount(0);
    if (!users) {
        m_status->setText(users.error().message);
        updateOk();
        return;
    }
    const int shown = int(qMin<qsizetype>(users->size(), MaxResults));
    m_results->setRowCount(shown);
    for (int r = 0; r < shown; ++r) {
        const User &u = users->at(r);
        auto *name = new QTableWidgetItem(u.displayName());
        name->setData(IdRole, u.id);
        m_results->setItem(r, 0, name);
        m_results->setItem(r, 1, new QTableWidgetItem(u.username));
        m_results->setItem(r, 2, new QTableWidgetItem(PhoneNumbers::formatInternational(u.directNumber)));
    }
    m_results->resizeColumnsToContents();
    if (users->isEmpty())
        m_status->setText(tr("No user matches."));
    else if (users->size() > MaxResults)
        m_status->setText(tr("The first %n users are shown: type more to narrow the search.", nullptr, MaxResults));
    else
        m_status->setText(tr("%n user(s) found.", nullptr, shown));
    if (shown == 1)
        m_results->selectRow(0);
    updateOk();
}

QString UserSearchDialog::selectedUserId() const
{
    const QList<QTableWidgetItem *> items = m_results->selectedItems();
    for (QTableWidgetItem *item : items) {
        if (item->column() == 0)
            return item->data(IdRole).toString();
    }
    return {};
}

QString UserSearchDialog::selectedUserName() const
{
    const QList<QTableWidgetItem *> items = m_results->selectedItems();
    for (QTableWidgetItem *item : items) {
        if (item->column() == 0)
            return item->text();
    }
    return {};
}

void UserSearchDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedUserId().isEmpty());
}

} // namespace centrale
