#include "calendars/ImportIcsDialog.h"

#include "calendar/ScheduleEngine.h"
#include "calendars/Recurrence.h"
#include "store/Store.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace centrale {

namespace {
constexpr int StateFromFile = -1;
} // namespace

ImportIcsDialog::ImportIcsDialog(Store &store, const QByteArray &ics, const QString &fileName, const QString &functionId,
    const QList<VoicePrompt> &prompts, QWidget *parent)
    : QDialog(parent), m_ics(std::make_unique<IcsCalendar>(store, ScheduleEngine::defaultTimeZone())), m_bytes(ics),
      m_fileName(fileName), m_functionId(functionId), m_fileHasState(ics.toUpper().contains("X-CENTRALE-STATE")),
      m_fileHasPrompt(ics.toUpper().contains("X-CENTRALE-PROMPT")), m_summary(new QLabel(this)), m_events(new QListWidget(this)),
      m_skippedLabel(new QLabel(this)), m_skipped(new QListWidget(this)), m_notes(new QLabel(this)), m_stateLabel(new QLabel(this)),
      m_state(new QComboBox(this)), m_promptLabel(new QLabel(this)), m_prompt(new QComboBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_ok(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("importIcsDialog"));
    if (auto existing = store.functions.events(functionId); existing)
        m_calendarEmpty = existing->isEmpty();
    if (auto function = store.functions.get(functionId); function)
        m_currentDefault = function->defaultState;
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_events->setObjectName(QStringLiteral("importEvents"));
    m_skipped->setObjectName(QStringLiteral("importSkipped"));
    m_skippedLabel->setBuddy(m_skipped);
    m_notes->setObjectName(QStringLiteral("importNotes"));
    m_notes->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("importState"));
    m_state->addItem(QString(), static_cast<int>(OpenState::Closed));
    m_state->addItem(QString(), static_cast<int>(OpenState::Open));
    if (m_fileHasState)
        m_state->addItem(QString(), StateFromFile);
    m_stateLabel->setBuddy(m_state);
    m_prompt->setObjectName(QStringLiteral("importPrompt"));
    m_prompt->addItem(QString(), QString()); // none
    if (m_fileHasPrompt)
        m_prompt->addItem(QString(), QVariant()); // as in the file
    for (const VoicePrompt &p : prompts)
        m_prompt->addItem(p.name, p.id);
    m_promptLabel->setBuddy(m_prompt);

    auto *form = new QFormLayout;
    form->addRow(m_stateLabel, m_state);
    form->addRow(m_promptLabel, m_prompt);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_events, 2);
    layout->addWidget(m_skippedLabel);
    layout->addWidget(m_skipped, 1);
    layout->addWidget(m_notes);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    m_ok->setObjectName(QStringLiteral("importButton"));
    m_ok->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_state, &QComboBox::currentIndexChanged, this, &ImportIcsDialog::reparse);
    connect(m_prompt, &QComboBox::currentIndexChanged, this, &ImportIcsDialog::reparse);
    retranslate();
    resize(560, 480);
}

ImportIcsDialog::~ImportIcsDialog() = default;

IcsCalendar::ImportOptions ImportIcsDialog::options() const
{
    IcsCalendar::ImportOptions options;
    const int state = m_state->currentData().toInt();
    if (state != StateFromFile)
        options.state = static_cast<OpenState>(state);
    const QVariant prompt = m_prompt->currentData();
    if (prompt.isValid())
        options.promptId = prompt.toString();
    return options;
}

std::optional<OpenState> ImportIcsDialog::defaultStateToApply() const
{
    if (m_parsed && m_parsed->defaultState && m_calendarEmpty && *m_parsed->defaultState != m_currentDefault)
        return m_parsed->defaultState;
    return std::nullopt;
}

void ImportIcsDialog::reparse()
{
    auto parsed = m_ics->parse(m_bytes, m_functionId, options());
    m_events->clear();
    m_skipped->clear();
    if (!parsed) {
        m_parsed.reset();
        m_error = parsed.error().message;
        //: %1 is a file name, %2 the reason (naming the line)
        m_summary->setText(tr("%1 cannot be imported: %2").arg(QFileInfo(m_fileName).fileName(), m_error));
        m_skippedLabel->hide();
        m_skipped->hide();
        m_notes->hide();
        m_ok->setEnabled(false);
        return;
    }
    m_error.clear();
    m_parsed = *parsed;
    const int count = static_cast<int>(m_parsed->events.size());
    m_summary->setText(tr("%n event(s) will be added after this calendar's own events:", nullptr, count));
    for (const ScheduleEvent &e : std::as_const(m_parsed->events)) {
        //: An event to import: %1 is its title, %2 when it happens
        auto *item = new QListWidgetItem(tr("%1: %2").arg(e.title, Recurrence::summary(e)), m_events);
        item->setData(Qt::UserRole, e.title);
        item->setToolTip(item->text()); // long rules scroll sideways
    }
    for (const IcsCalendar::Skipped &s : std::as_const(m_parsed->skipped)) {
        //: A skipped calendar item: %1 is its title, %2 the reason it is skipped
        auto *item = new QListWidgetItem(tr("%1: %2").arg(s.title, s.reason), m_skipped);
        item->setToolTip(item->text());
    }
    m_skippedLabel->setText(tr("%n item(s) will be skipped:", nullptr, static_cast<int>(m_parsed->skipped.size())));
    m_skippedLabel->setVisible(!m_parsed->skipped.isEmpty());
    m_skipped->setVisible(!m_parsed->skipped.isEmpty());
    QStringList notes = m_parsed->notes;
    if (const auto state = defaultStateToApply())
        //: %1 is Open or Closed
        notes << tr("The calendar is empty, so the file's default state (%1) will be applied too.").arg(openStateLabel(*state));
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    m_ok->setEnabled(count > 0);
}

void ImportIcsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ImportIcsDialog::retranslate()
{
    //: %1 is the .ics file's name
    setWindowTitle(tr("Import %1").arg(QFileInfo(m_fileName).fileName()));
    m_state->setItemText(0, openStateLabel(OpenState::Closed));
    m_state->setItemText(1, openStateLabel(OpenState::Open));
    if (m_fileHasState)
        //: The imported events keep the state (open or closed) the file gives them
        m_state->setItemText(2, tr("As in the file"));
    m_prompt->setItemText(0, tr("None"));
    if (m_fileHasPrompt)
        //: The imported events keep the voice prompt the file names
        m_prompt->setItemText(1, tr("As in the file"));
    m_stateLabel->setText(tr("&State of the imported events:"));
    m_promptLabel->setText(tr("&Voice prompt:"));
    m_state->setAccessibleName(tr("State of the imported events"));
    m_prompt->setAccessibleName(tr("Voice prompt of the imported events"));
    m_events->setAccessibleName(tr("Events to import"));
    m_skipped->setAccessibleName(tr("Skipped items"));
    m_ok->setText(tr("&Import"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    reparse();
}

} // namespace centrale
