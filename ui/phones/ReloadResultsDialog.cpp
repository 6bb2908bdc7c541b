#include "phones/ReloadResultsDialog.h"

#include "domain/SipPhone.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace centrale {

ReloadResultsDialog::ReloadResultsDialog(const QList<PhoneReloadOutcome> &outcomes, const QHash<QString, QString> &owners, QWidget *parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_table(new QTableWidget(int(outcomes.size()), ColumnCount, this))
{
    setObjectName(QStringLiteral("reloadResults"));
    setWindowTitle(tr("Save and reload"));
    m_summary->setObjectName(QStringLiteral("reloadSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("reloadResultsTable"));
    m_table->setHorizontalHeaderLabels({tr("MAC address"), tr("User"), tr("Result"), tr("Details")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    int reloaded = 0;
    for (int r = 0; r < outcomes.size(); ++r) {
        const PhoneReloadOutcome &o = outcomes.at(r);
        reloaded += o.state == PhoneReloadOutcome::State::Reloaded;
        m_table->setItem(r, Mac, new QTableWidgetItem(SipPhone::formatMac(o.mac)));
        m_table->setItem(r, Owner, new QTableWidgetItem(owners.value(o.phoneId)));
        auto *result = new QTableWidgetItem(PhoneReloadOutcome::stateText(o.state));
        result->setData(Qt::UserRole, static_cast<int>(o.state));
        if (o.state != PhoneReloadOutcome::State::Reloaded)
            result->setForeground(QColor(0xb0, 0x00, 0x20));
        m_table->setItem(r, Result, result);
        m_table->setItem(r, Details, new QTableWidgetItem(o.message));
    }
    m_table->resizeColumnsToContents();
    const int waiting = int(outcomes.size()) - reloaded;
    if (waiting == 0)
        m_summary->setText(tr("%n phone(s) reloaded their settings.", nullptr, reloaded));
    else
        m_summary->setText(tr("%n phone(s) reloaded their settings.", nullptr, reloaded) + QLatin1Char(' ')
            + tr("%n phone(s) did not: their changes stay waiting and are sent at the next reload.", nullptr, waiting));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(720, 320);
}

QString ReloadResultsDialog::summary() const
{
    return m_summary->text();
}

} // namespace centrale
