#include "calendars/HolidaysDialog.h"

#include "calendar/BelgianHolidays.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace centrale {

namespace {
constexpr int FirstYear = 1970;
constexpr int LastYear = 2199;
} // namespace

HolidaysDialog::HolidaysDialog(int thisYear, QWidget *parent)
    : QDialog(parent), m_fromLabel(new QLabel(this)), m_from(new QSpinBox(this)), m_toLabel(new QLabel(this)), m_to(new QSpinBox(this)),
      m_communities(new QCheckBox(this)), m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_ok(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("holidaysDialog"));
    m_from->setObjectName(QStringLiteral("fromYear"));
    m_to->setObjectName(QStringLiteral("toYear"));
    m_communities->setObjectName(QStringLiteral("communityHolidays"));
    m_summary->setObjectName(QStringLiteral("holidaysSummary"));
    m_summary->setWordWrap(true);
    for (QSpinBox *box : {m_from, m_to}) {
        box->setRange(FirstYear, LastYear);
        box->setGroupSeparatorShown(false);
    }
    m_from->setValue(qBound(FirstYear, thisYear, LastYear));
    m_to->setValue(qBound(FirstYear, thisYear + 1, LastYear));
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);

    auto *form = new QFormLayout;
    form->addRow(m_fromLabel, m_from);
    form->addRow(m_toLabel, m_to);
    form->addRow(m_communities);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    m_ok->setObjectName(QStringLiteral("addHolidaysButton"));
    m_ok->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The range stays ordered: moving one end past the other moves the other too.
    connect(m_from, &QSpinBox::valueChanged, this, [this](int year) {
        if (m_to->value() < year)
            m_to->setValue(year);
        updateSummary();
    });
    connect(m_to, &QSpinBox::valueChanged, this, [this](int year) {
        if (m_from->value() > year)
            m_from->setValue(year);
        updateSummary();
    });
    connect(m_communities, &QCheckBox::toggled, this, &HolidaysDialog::updateSummary);
    retranslate();
}

int HolidaysDialog::fromYear() const
{
    return m_from->value();
}

int HolidaysDialog::toYear() const
{
    return m_to->value();
}

bool HolidaysDialog::communityHolidays() const
{
    return m_communities->isChecked();
}

void HolidaysDialog::updateSummary()
{
    int count = 0;
    for (int year = fromYear(); year <= toYear(); ++year)
        count += static_cast<int>(BelgianHolidays::holidays(year, communityHolidays()).size());
    m_summary->setText(tr("%n closed all-day event(s) will be added at the top of the calendar (highest priority).", nullptr, count));
}

void HolidaysDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void HolidaysDialog::retranslate()
{
    setWindowTitle(tr("Belgian holidays"));
    m_fromLabel->setText(tr("&From year:"));
    m_toLabel->setText(tr("&To year:"));
    m_from->setAccessibleName(tr("From year"));
    m_to->setAccessibleName(tr("To year"));
    m_communities->setText(tr("Also the &communities' holidays (11 July, 27 September, 15 November)"));
    m_ok->setText(tr("&Add holidays"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    updateSummary();
}

} // namespace centrale
