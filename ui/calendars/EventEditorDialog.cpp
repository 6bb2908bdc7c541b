#include "calendars/EventEditorDialog.h"

#include "calendars/Recurrence.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace centrale {

namespace {
enum RepeatEnd { Forever, Until, Count };
// Rows of the form whose field is a layout.
constexpr int RepeatEndRow = 9;
constexpr int ExceptionsRow = 10;

QLabel *buddyLabel(QWidget *parent, QWidget *buddy, QList<QLabel *> &labels)
{
    auto *label = new QLabel(parent);
    label->setBuddy(buddy);
    labels << label;
    return label;
}
} // namespace

EventEditorDialog::EventEditorDialog(const QList<VoicePrompt> &prompts, QWidget *parent)
    : QDialog(parent), m_title(new QLineEdit(this)), m_state(new QComboBox(this)), m_prompt(new QComboBox(this)),
      m_start(new QDateTimeEdit(this)), m_end(new QDateTimeEdit(this)), m_allDay(new QCheckBox(this)), m_repeat(new QComboBox(this)),
      m_daysBox(new QWidget(this)), m_repeatEnd(new QComboBox(this)), m_until(new QDateEdit(this)), m_count(new QSpinBox(this)),
      m_customRule(new QLineEdit(this)), m_exceptions(new QListWidget(this)), m_exceptionDate(new QDateEdit(this)),
      m_addException(new QPushButton(this)), m_removeException(new QPushButton(this)), m_summary(new QLabel(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("eventEditor"));
    m_title->setObjectName(QStringLiteral("title"));
    m_state->setObjectName(QStringLiteral("state"));
    m_state->addItem(QString(), static_cast<int>(OpenState::Open));
    m_state->addItem(QString(), static_cast<int>(OpenState::Closed));
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->addItem(QString(), QString());
    for (const VoicePrompt &p : prompts)
        m_prompt->addItem(p.name, p.id);
    m_start->setObjectName(QStringLiteral("start"));
    m_end->setObjectName(QStringLiteral("end"));
    m_start->setCalendarPopup(true);
    m_end->setCalendarPopup(true);
    m_allDay->setObjectName(QStringLiteral("allDay"));
    m_repeat->setObjectName(QStringLiteral("repeat"));
    for (int f = 0; f <= static_cast<int>(Recurrence::Frequency::Custom); ++f)
        m_repeat->addItem(QString(), f);
    auto *daysLayout = new QHBoxLayout(m_daysBox);
    daysLayout->setContentsMargins(0, 0, 0, 0);
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(m_daysBox);
        box->setObjectName(QStringLiteral("weekday%1").arg(d));
        m_days << box;
        daysLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &EventEditorDialog::updateSummary);
    }
    daysLayout->addStretch();
    m_repeatEnd->setObjectName(QStringLiteral("repeatEnd"));
    m_repeatEnd->addItem(QString(), Forever);
    m_repeatEnd->addItem(QString(), Until);
    m_repeatEnd->addItem(QString(), Count);
    m_until->setObjectName(QStringLiteral("until"));
    m_until->setCalendarPopup(true);
    m_count->setObjectName(QStringLiteral("count"));
    m_count->setRange(1, 9999);
    m_count->setValue(10);
    m_customRule->setObjectName(QStringLiteral("customRule"));
    m_exceptions->setObjectName(QStringLiteral("exceptions"));
    m_exceptions->setMaximumHeight(80);
    m_exceptionDate->setObjectName(QStringLiteral("exceptionDate"));
    m_exceptionDate->setCalendarPopup(true);
    m_addException->setObjectName(QStringLiteral("addException"));
    m_removeException->setObjectName(QStringLiteral("removeException"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c"));
    m_error->hide();

    auto *repeatEndRow = new QHBoxLayout;
    repeatEndRow->addWidget(m_repeatEnd);
    repeatEndRow->addWidget(m_until);
    repeatEndRow->addWidget(m_count);
    repeatEndRow->addStretch();
    auto *exceptionRow = new QHBoxLayout;
    exceptionRow->addWidget(m_exceptionDate);
    exceptionRow->addWidget(m_addException);
    exceptionRow->addWidget(m_removeException);
    exceptionRow->addStretch();
    auto *exceptionBox = new QVBoxLayout;
    exceptionBox->addWidget(m_exceptions);
    exceptionBox->addLayout(exceptionRow);

    m_form->addRow(buddyLabel(this, m_title, m_labels), m_title);
    m_form->addRow(buddyLabel(this, m_state, m_labels), m_state);
    m_form->addRow(buddyLabel(this, m_prompt, m_labels), m_prompt);
    m_form->addRow(buddyLabel(this, m_start, m_labels), m_start);
    m_form->addRow(buddyLabel(this, m_end, m_labels), m_end);
    m_form->addRow(QString(), m_allDay);
    m_form->addRow(buddyLabel(this, m_repeat, m_labels), m_repeat);
    m_form->addRow(buddyLabel(this, m_days.first(), m_labels), m_daysBox);
    m_form->addRow(buddyLabel(this, m_customRule, m_labels), m_customRule);
    m_form->addRow(buddyLabel(this, m_repeatEnd, m_labels), repeatEndRow);
    m_form->addRow(buddyLabel(this, m_exceptions, m_labels), exceptionBox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &EventEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EventEditorDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &EventEditorDialog::updateSummary);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &EventEditorDialog::updateSummary);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &EventEditorDialog::updateSummary);
    connect(m_allDay, &QCheckBox::toggled, this, &EventEditorDialog::updateControls);
    connect(m_repeat, &QComboBox::currentIndexChanged, this, &EventEditorDialog::updateControls);
    connect(m_repeatEnd, &QComboBox::currentIndexChanged, this, &EventEditorDialog::updateControls);
    connect(m_until, &QDateEdit::dateChanged, this, &EventEditorDialog::updateSummary);
    connect(m_count, &QSpinBox::valueChanged, this, &EventEditorDialog::updateSummary);
    connect(m_customRule, &QLineEdit::textChanged, this, &EventEditorDialog::updateSummary);
    connect(m_addException, &QPushButton::clicked, this, &EventEditorDialog::addException);
    connect(m_removeException, &QPushButton::clicked, this, &EventEditorDialog::removeException);
    connect(m_exceptions, &QListWidget::currentRowChanged, this, &EventEditorDialog::updateControls);

    retranslate();
    ScheduleEvent fresh;
    fresh.start = QDateTime(QDate::currentDate(), QTime(8, 30));
    fresh.end = QDateTime(QDate::currentDate(), QTime(12, 30));
    setEvent(fresh);
}

void EventEditorDialog::setEvent(const ScheduleEvent &event)
{
    m_original = event;
    m_title->setText(event.title);
    m_state->setCurrentIndex(event.state == OpenState::Open ? 0 : 1);
    m_prompt->setCurrentIndex(qMax(0, m_prompt->findData(event.promptId)));
    m_allDay->setChecked(event.allDay);
    m_start->setDateTime(event.start);
    // All-day events end at midnight after their last day; the editor shows that last day.
    m_end->setDateTime(event.allDay ? QDateTime(event.end.date().addDays(-1), QTime(0, 0)) : event.end);
    const Recurrence r = Recurrence::fromRule(event.rrule);
    m_repeat->setCurrentIndex(m_repeat->findData(static_cast<int>(r.frequency)));
    QList<int> days = r.weekDays;
    if (days.isEmpty())
        days << event.start.date().dayOfWeek();
    for (int d = 1; d <= 7; ++d)
        m_days.at(d - 1)->setChecked(days.contains(d));
    m_customRule->setText(r.custom);
    m_repeatEnd->setCurrentIndex(r.until.isValid() ? Until : r.count > 0 ? Count : Forever);
    m_until->setDate(r.until.isValid() ? r.until : event.start.date().addYears(1));
    if (r.count > 0)
        m_count->setValue(r.count);
    m_exceptions->clear();
    for (const QDateTime &dt : event.exceptions) {
        auto *item = new QListWidgetItem(QLocale().toString(dt.date(), QLocale::ShortFormat), m_exceptions);
        item->setData(Qt::UserRole, dt.date());
    }
    m_exceptionDate->setDate(event.start.date());
    m_error->hide();
    updateControls();
}

ScheduleEvent EventEditorDialog::event() const
{
    ScheduleEvent e = m_original;
    e.title = m_title->text();
    e.state = static_cast<OpenState>(m_state->currentData().toInt());
    e.promptId = m_prompt->currentData().toString();
    e.allDay = m_allDay->isChecked();
    if (e.allDay) {
        e.start = QDateTime(m_start->date(), QTime(0, 0));
        e.end = QDateTime(m_end->date().addDays(1), QTime(0, 0));
    } else {
        e.start = QDateTime(m_start->date(), QTime(m_start->time().hour(), m_start->time().minute()));
        e.end = QDateTime(m_end->date(), QTime(m_end->time().hour(), m_end->time().minute()));
    }
    Recurrence r;
    r.frequency = static_cast<Recurrence::Frequency>(m_repeat->currentData().toInt());
    for (int d = 1; d <= 7; ++d) {
        if (m_days.at(d - 1)->isChecked())
            r.weekDays << d;
    }
    r.custom = m_customRule->text();
    const int end = m_repeatEnd->currentData().toInt();
    if (end == Until)
        r.until = m_until->date();
    else if (end == Count)
        r.count = m_count->value();
    e.rrule = r.toRule(e.start.date());
    e.exceptions.clear();
    if (r.frequency != Recurrence::Frequency::Never) {
        for (int i = 0; i < m_exceptions->count(); ++i)
            e.exceptions << QDateTime(m_exceptions->item(i)->data(Qt::UserRole).toDate(), e.start.time());
    }
    return e;
}

QString EventEditorDialog::summary() const
{
    return m_summary->text();
}

QString EventEditorDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void EventEditorDialog::accept()
{
    ScheduleEvent e = event();
    if (Status s = e.normaliseAndValidate(); !s) {
        m_error->setText(s.error().message);
        m_error->show();
        const QString field = s.error().field;
        QWidget *focus = field == QLatin1String("title") ? static_cast<QWidget *>(m_title)
            : field == QLatin1String("end")              ? static_cast<QWidget *>(m_end)
            : field == QLatin1String("rrule")            ? static_cast<QWidget *>(m_repeat)
                                                         : static_cast<QWidget *>(m_start);
        focus->setFocus();
        return;
    }
    m_error->hide();
    QDialog::accept();
}

void EventEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void EventEditorDialog::retranslate()
{
    setWindowTitle(tr("Calendar event"));
    const QStringList labels = {tr("&Title:"), tr("&State:"), tr("Voice &prompt:"), tr("S&tart:"), tr("&End:"), tr("&Repeat:"),
        tr("On &days:"), tr("R&ule:"), tr("Repeat u&ntil:"), tr("E&xceptions:")};
    for (int i = 0; i < m_labels.size() && i < labels.size(); ++i)
        m_labels.at(i)->setText(labels.at(i));
    const QStringList accessible = {tr("Title"), tr("State"), tr("Voice prompt"), tr("Start"), tr("End"), tr("Repeat"),
        tr("Days of the week"), tr("Repeat rule"), tr("Repeat until"), tr("Exceptions")};
    const QList<QWidget *> widgets
        = {m_title, m_state, m_prompt, m_start, m_end, m_repeat, m_daysBox, m_customRule, m_repeatEnd, m_exceptions};
    for (int i = 0; i < widgets.size(); ++i)
        widgets.at(i)->setAccessibleName(accessible.at(i));
    m_state->setItemText(0, openStateLabel(OpenState::Open));
    m_state->setItemText(1, openStateLabel(OpenState::Closed));
    //: No voice prompt: the function number's usual prompt plays
    m_prompt->setItemText(0, tr("None"));
    m_allDay->setText(tr("&All day"));
    const QStringList repeats
        = {tr("Never"), tr("Every day"), tr("Every week"), tr("Every month"), tr("Every year"), tr("Custom rule (iCalendar RRULE)")};
    for (int i = 0; i < repeats.size(); ++i)
        m_repeat->setItemText(i, repeats.at(i));
    const QLocale locale;
    for (int d = 1; d <= 7; ++d) {
        m_days.at(d - 1)->setText(locale.dayName(d, QLocale::ShortFormat));
        m_days.at(d - 1)->setAccessibleName(locale.dayName(d, QLocale::LongFormat));
    }
    //: How a repeating event ends
    m_repeatEnd->setItemText(Forever, tr("Forever"));
    m_repeatEnd->setItemText(Until, tr("Until a date"));
    m_repeatEnd->setItemText(Count, tr("A number of times"));
    m_until->setAccessibleName(tr("Last date"));
    m_count->setAccessibleName(tr("Number of times"));
    m_count->setSuffix(tr(" times"));
    m_exceptionDate->setAccessibleName(tr("Exception date"));
    m_addException->setText(tr("A&dd date"));
    m_removeException->setText(tr("Re&move date"));
    m_summary->setAccessibleName(tr("Summary"));
    m_error->setAccessibleName(tr("Error"));
    updateControls();
}

void EventEditorDialog::updateControls()
{
    const bool allDay = m_allDay->isChecked();
    const QString format = allDay ? QLocale().dateFormat(QLocale::ShortFormat)
                                  : QString(QLocale().dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm"));
    m_start->setDisplayFormat(format);
    m_end->setDisplayFormat(format);
    const auto frequency = static_cast<Recurrence::Frequency>(m_repeat->currentData().toInt());
    const bool repeats = frequency != Recurrence::Frequency::Never;
    const bool custom = frequency == Recurrence::Frequency::Custom;
    m_form->setRowVisible(m_daysBox, frequency == Recurrence::Frequency::Weekly);
    m_form->setRowVisible(m_customRule, custom);
    m_form->setRowVisible(RepeatEndRow, repeats && !custom);
    m_form->setRowVisible(ExceptionsRow, repeats);
    const int end = m_repeatEnd->currentData().toInt();
    m_until->setVisible(end == Until);
    m_count->setVisible(end == Count);
    m_removeException->setEnabled(m_exceptions->currentRow() >= 0);
    updateSummary();
}

void EventEditorDialog::updateSummary()
{
    ScheduleEvent e = event();
    if (e.title.trimmed().isEmpty())
        e.title = QStringLiteral("-");
    if (e.functionId.isEmpty())
        e.functionId = QStringLiteral("-");
    if (e.normaliseAndValidate())
        m_summary->setText(Recurrence::summary(e));
    else
        m_summary->setText(QString());
}

void EventEditorDialog::addException()
{
    const QDate date = m_exceptionDate->date();
    for (int i = 0; i < m_exceptions->count(); ++i) {
        if (m_exceptions->item(i)->data(Qt::UserRole).toDate() == date)
            return;
    }
    auto *item = new QListWidgetItem(QLocale().toString(date, QLocale::ShortFormat), m_exceptions);
    item->setData(Qt::UserRole, date);
    updateSummary();
}

void EventEditorDialog::removeException()
{
    delete m_exceptions->takeItem(m_exceptions->currentRow());
    updateControls();
}

} // namespace centrale
