#include "calendars/CopyCalendarDialog.h"

#include "domain/PhoneNumbers.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace centrale {

CopyCalendarDialog::CopyCalendarDialog(const QString &sourceName, const QList<FunctionNumber> &candidates, QWidget *parent)
    : QDialog(parent), m_sourceName(sourceName), m_text(new QLabel(this)), m_targets(new QListWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("copyCalendarDialog"));
    m_text->setWordWrap(true);
    m_text->setBuddy(m_targets);
    m_targets->setObjectName(QStringLiteral("targets"));
    for (const FunctionNumber &f : candidates) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(f.name, PhoneNumbers::formatInternational(f.number)), m_targets);
        item->setData(Qt::UserRole, f.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_targets);
    // Our own accept button: Qt gives a standard OK button back its own text on a language change.
    m_copyButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_targets, &QListWidget::itemChanged, this, &CopyCalendarDialog::updateOk);
    retranslate();
    updateOk();
}

QStringList CopyCalendarDialog::targetIds() const
{
    QStringList ids;
    for (int i = 0; i < m_targets->count(); ++i) {
        if (m_targets->item(i)->checkState() == Qt::Checked)
            ids << m_targets->item(i)->data(Qt::UserRole).toString();
    }
    return ids;
}

void CopyCalendarDialog::setTargetChecked(const QString &functionId, bool checked)
{
    for (int i = 0; i < m_targets->count(); ++i) {
        if (m_targets->item(i)->data(Qt::UserRole).toString() == functionId)
            m_targets->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void CopyCalendarDialog::updateOk()
{
    m_copyButton->setEnabled(!targetIds().isEmpty());
}

void CopyCalendarDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CopyCalendarDialog::retranslate()
{
    setWindowTitle(tr("Copy calendar"));
    //: %1 is a function number's name
    m_text->setText(tr("Copy the events of %1 to these function numbers. The events are added after their own events.").arg(m_sourceName));
    m_targets->setAccessibleName(tr("Function numbers to copy to"));
    m_copyButton->setText(tr("&Copy"));
}

} // namespace centrale
