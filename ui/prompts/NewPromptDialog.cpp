#include "prompts/NewPromptDialog.h"

#include "audio/PromptLibrary.h"
#include "phones/UserSearchDialog.h"
#include "prompts/PcmSource.h"
#include "prompts/PromptFileDialog.h"
#include "store/Store.h"
#include "sync/SyncController.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace centrale {

namespace {
// The meter shows −60 dBFS … 0 dBFS as 0 … 100.
int meterValue(float peak)
{
    if (peak <= 0.0f)
        return 0;
    const double dbfs = 20.0 * std::log10(static_cast<double>(peak));
    return std::clamp(static_cast<int>(std::lround((dbfs + 60.0) * 100.0 / 60.0)), 0, 100);
}

QString droppedAudioFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && PromptFileDialog::isAudioFile(url.toLocalFile()))
            return url.toLocalFile();
    }
    return {};
}
} // namespace

namespace {
constexpr int kCallPollMs = 1000;
} // namespace

NewPromptDialog::NewPromptDialog(Store &store, const QList<PcmSource *> &sources, SyncController *sync, QWidget *parent)
    : QDialog(parent), m_store(store), m_sources(sources), m_nameLabel(new QLabel(this)), m_name(new QLineEdit(this)),
      m_descriptionLabel(new QLabel(this)), m_description(new QPlainTextEdit(this)), m_descriptionHint(new QLabel(this)),
      m_fileRadio(new QRadioButton(this)), m_recordRadio(new QRadioButton(this)), m_callRadio(new QRadioButton(this)),
      m_file(new QLineEdit(this)), m_browse(new QPushButton(this)), m_dropHint(new QLabel(this)), m_deviceLabel(new QLabel(this)),
      m_device(new QComboBox(this)), m_level(new QProgressBar(this)), m_record(new QPushButton(this)), m_stop(new QPushButton(this)),
      m_retake(new QPushButton(this)), m_elapsed(new QLabel(this)), m_noInput(new QLabel(this)), m_sync(sync),
      m_callUser(new QLineEdit(this)), m_chooseUser(new QPushButton(this)), m_callSteps(new QLabel(this)), m_callNote(new QLabel(this)), m_normalise(new QCheckBox(this)), m_progress(new QProgressBar(this)),
      m_cancelConversion(new QPushButton(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newPromptDialog"));
    setAcceptDrops(true);
    for (PcmSource *s : m_sources) {
        s->setParent(this);
        m_device->addItem(s->description());
    }

    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(100);
    m_nameLabel->setBuddy(m_name);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 4);
    m_descriptionLabel->setBuddy(m_description);
    m_descriptionHint->setObjectName(QStringLiteral("descriptionHint"));
    m_descriptionHint->setWordWrap(true);
    QFont small = m_descriptionHint->font();
    small.setItalic(true);
    m_descriptionHint->setFont(small);

    m_fileRadio->setObjectName(QStringLiteral("fileSource"));
    m_recordRadio->setObjectName(QStringLiteral("recordSource"));
    m_callRadio->setObjectName(QStringLiteral("callSource"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_fileRadio);
    group->addButton(m_recordRadio);
    group->addButton(m_callRadio);
    m_fileRadio->setChecked(true);
    m_file->setObjectName(QStringLiteral("file"));
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setWordWrap(true);
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_deviceLabel->setBuddy(m_device);
    m_level->setObjectName(QStringLiteral("levelMeter"));
    m_level->setRange(0, 100);
    m_level->setValue(0);
    m_level->setTextVisible(false);
    m_record->setObjectName(QStringLiteral("recordButton"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_retake->setObjectName(QStringLiteral("retakeButton"));
    m_elapsed->setObjectName(QStringLiteral("elapsed"));
    m_noInput->setObjectName(QStringLiteral("noInputNote"));
    m_noInput->setWordWrap(true);
    m_callUser->setObjectName(QStringLiteral("callUser"));
    m_callUser->setReadOnly(true);
    m_chooseUser->setObjectName(QStringLiteral("chooseCallUser"));
    m_callSteps->setObjectName(QStringLiteral("callSteps"));
    m_callSteps->setTextFormat(Qt::RichText);
    m_callSteps->setWordWrap(true);
    m_callNote->setObjectName(QStringLiteral("callNote"));
    m_callNote->setWordWrap(true);
    m_normalise->setObjectName(QStringLiteral("normalise"));
    m_progress->setObjectName(QStringLiteral("conversionProgress"));
    m_progress->setRange(0, 0);
    m_cancelConversion->setObjectName(QStringLiteral("cancelConversion"));
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_error->setPalette(errorPalette);
    m_buttons->setObjectName(QStringLiteral("buttons"));

    // The administrator's own phone is the one to call, unless another user is chosen.
    if (m_sync && m_sync->connected()) {
        if (auto me = m_store.users.findByUsername(m_sync->settings().username); me)
            setCallUser(me->id);
    }

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_descriptionLabel, m_description);
    form->addRow(QString(), m_descriptionHint);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *deviceRow = new QHBoxLayout;
    deviceRow->addWidget(m_deviceLabel);
    deviceRow->addWidget(m_device, 1);
    auto *recordRow = new QHBoxLayout;
    recordRow->addWidget(m_record);
    recordRow->addWidget(m_stop);
    recordRow->addWidget(m_retake);
    recordRow->addWidget(m_level, 1);
    recordRow->addWidget(m_elapsed);

    auto *audio = new QGroupBox(this);
    audio->setObjectName(QStringLiteral("audioBox"));
    auto *audioLayout = new QVBoxLayout(audio);
    audioLayout->addWidget(m_fileRadio);
    auto *fileBox = new QVBoxLayout;
    fileBox->setContentsMargins(24, 0, 0, 6);
    fileBox->addLayout(fileRow);
    fileBox->addWidget(m_dropHint);
    fileBox->addWidget(m_normalise);
    audioLayout->addLayout(fileBox);
    audioLayout->addWidget(m_recordRadio);
    auto *recordBox = new QVBoxLayout;
    recordBox->setContentsMargins(24, 0, 0, 6);
    recordBox->addWidget(m_noInput);
    recordBox->addLayout(deviceRow);
    recordBox->addLayout(recordRow);
    audioLayout->addLayout(recordBox);
    audioLayout->addWidget(m_callRadio);
    auto *callBox = new QVBoxLayout;
    callBox->setContentsMargins(24, 0, 0, 0);
    auto *callUserRow = new QHBoxLayout;
    callUserRow->addWidget(m_callUser, 1);
    callUserRow->addWidget(m_chooseUser);
    callBox->addLayout(callUserRow);
    callBox->addWidget(m_callSteps);
    callBox->addWidget(m_callNote);
    audioLayout->addLayout(callBox);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelConversion);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(audio);
    layout->addLayout(progressRow);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_fileRadio, &QRadioButton::toggled, this, &NewPromptDialog::updateState);
    connect(m_recordRadio, &QRadioButton::toggled, this, &NewPromptDialog::updateState);
    connect(m_callRadio, &QRadioButton::toggled, this, &NewPromptDialog::updateState);
    connect(m_browse, &QPushButton::clicked, this, &NewPromptDialog::browse);
    connect(m_record, &QPushButton::clicked, this, &NewPromptDialog::startRecording);
    connect(m_stop, &QPushButton::clicked, this, &NewPromptDialog::stopRecording);
    connect(m_retake, &QPushButton::clicked, this, &NewPromptDialog::retake);
    connect(m_cancelConversion, &QPushButton::clicked, this, &NewPromptDialog::cancelConversion);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewPromptDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewPromptDialog::reject);
    connect(m_file, &QLineEdit::textEdited, this, [this] { m_fileRadio->setChecked(true); });
    connect(m_chooseUser, &QPushButton::clicked, this, &NewPromptDialog::chooseCallUser);
    m_callPoll.setInterval(kCallPollMs);
    m_callPoll.setSingleShot(true);
    connect(&m_callPoll, &QTimer::timeout, this, &NewPromptDialog::pollCall);
    if (m_sync) {
        connect(m_sync, &SyncController::stateChanged, this, &NewPromptDialog::updateState);
        connect(m_sync, &SyncController::synced, this, [this] {
            if (m_fetching)
                fetchRecording();
        });
    }

    m_progress->setVisible(false);
    m_cancelConversion->setVisible(false);
    m_error->setVisible(false);
    m_callSteps->setVisible(false);
    retranslate();
    resize(560, sizeHint().height());
    fitHeight();
}

NewPromptDialog::~NewPromptDialog()
{
    if (m_active)
        m_active->stop();
}

NewPromptDialog::Source NewPromptDialog::source() const
{
    if (m_recordRadio->isChecked())
        return Source::Recording;
    if (m_callRadio->isChecked())
        return Source::Call;
    return Source::File;
}

double NewPromptDialog::recordedSeconds() const
{
    if (m_recordRate <= 0 || m_recordChannels <= 0)
        return 0.0;
    return static_cast<double>(m_recorded.size()) / m_recordChannels / m_recordRate;
}

QString NewPromptDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void NewPromptDialog::setFile(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    m_fileRadio->setChecked(true);
    showError({});
}

PromptConverter::Options NewPromptDialog::options() const
{
    PromptConverter::Options o;
    o.normaliseLoudness = m_normalise->isChecked();
    return o;
}

void NewPromptDialog::browse()
{
    const QString path = PromptFileDialog::getOpenFileName(this, tr("Import a voice prompt"), PromptFileDialog::audioFilter());
    if (!path.isEmpty())
        setFile(path);
}

void NewPromptDialog::startRecording()
{
    const int index = m_device->currentIndex();
    if (index < 0 || index >= m_sources.size() || m_recordState == RecordState::Recording)
        return;
    showError({});
    m_recordRadio->setChecked(true);
    m_recorded.clear();
    m_highestLevel = 0;
    m_level->setValue(0);
    m_active = m_sources.at(index);
    connect(m_active, &PcmSource::samplesReady, this, &NewPromptDialog::onSamples, Qt::UniqueConnection);
    connect(m_active, &PcmSource::failed, this, &NewPromptDialog::showError, Qt::UniqueConnection);
    m_recordState = RecordState::Recording;
    if (!m_active->start()) {
        m_recordState = RecordState::Idle;
        m_active = nullptr;
    } else {
        m_recordChannels = std::max(1, m_active->channels());
        m_recordRate = m_active->sampleRate();
    }
    updateState();
}

void NewPromptDialog::stopRecording()
{
    if (m_recordState != RecordState::Recording || !m_active)
        return;
    m_active->stop();
    disconnect(m_active, &PcmSource::samplesReady, this, &NewPromptDialog::onSamples);
    m_active = nullptr;
    m_level->setValue(0);
    m_recordState = m_recorded.isEmpty() ? RecordState::Idle : RecordState::Recorded;
    updateState();
}

void NewPromptDialog::retake()
{
    if (m_recordState == RecordState::Recording)
        stopRecording();
    m_recorded.clear();
    m_recordState = RecordState::Idle;
    startRecording();
}

void NewPromptDialog::onSamples(const QList<float> &interleaved)
{
    if (m_recordState != RecordState::Recording)
        return;
    float peak = 0.0f;
    for (float s : interleaved)
        peak = std::max(peak, std::fabs(s));
    m_recorded.append(interleaved);
    const int level = meterValue(peak);
    m_level->setValue(level);
    m_highestLevel = std::max(m_highestLevel, level);
    m_elapsed->setText(tr("%1 s").arg(QLocale().toString(recordedSeconds(), 'f', 1)));
    if (recordedSeconds() >= options().maxSeconds) {
        stopRecording();
        showError(tr("The recording stopped after the longest duration a prompt may have."));
    }
}

void NewPromptDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void NewPromptDialog::save()
{
    if (m_converting)
        return;
    showError({});
    VoicePrompt probe;
    probe.name = m_name->text();
    probe.description = m_description->toPlainText();
    if (Status s = probe.normaliseAndValidate(); !s) {
        showError(s.error().message);
        m_name->setFocus();
        return;
    }
    if (auto same = m_store.prompts.findByName(probe.name); same && same->id != m_callPromptId) {
        showError(tr("A voice prompt named %1 already exists. Choose another name.").arg(probe.name));
        m_name->setFocus();
        return;
    }
    m_pendingName = probe.name;
    m_pendingDescription = probe.description;
    m_pendingSource = source();
    const PromptConverter::Options opts = options();
    QFuture<Outcome> future;
    switch (m_pendingSource) {
    case Source::Call:
        startCall();
        return;
    case Source::File: {
        const QString path = QDir::fromNativeSeparators(m_file->text().trimmed());
        if (path.isEmpty()) {
            showError(tr("Choose the audio file to import, or drop it on this window."));
            return;
        }
        m_pendingFile = QFileInfo(path).fileName();
        future = QtConcurrent::run([path, opts] {
            Outcome o;
            auto conversion = PromptConverter().convertFile(path, opts);
            o.ok = conversion.ok();
            if (o.ok)
                o.conversion = std::move(*conversion);
            else
                o.error = conversion.error().message;
            return o;
        });
        break;
    }
    case Source::Recording: {
        if (m_recordState == RecordState::Recording)
            stopRecording();
        if (m_recorded.isEmpty() || m_recordRate <= 0) {
            showError(tr("Record the prompt first: press Record, speak, then press Stop."));
            return;
        }
        m_pendingFile.clear();
        const QList<float> samples = m_recorded;
        const int channels = m_recordChannels;
        const int rate = m_recordRate;
        future = QtConcurrent::run([samples, channels, rate, opts] {
            Outcome o;
            auto conversion = PromptConverter().convertPcm(samples.constData(), samples.size() / channels, channels, rate, opts);
            o.ok = conversion.ok();
            if (o.ok)
                o.conversion = std::move(*conversion);
            else
                o.error = conversion.error().message;
            return o;
        });
        break;
    }
    }
    m_converting = true;
    const int generation = ++m_generation;
    delete m_watcher;
    m_watcher = new QFutureWatcher<Outcome>(this);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, [this, generation] {
        if (generation == m_generation)
            onConverted();
    });
    m_watcher->setFuture(future);
    updateState();
}

void NewPromptDialog::cancelConversion()
{
    if (!m_converting)
        return;
    // The worker finishes on its own; its result is dropped.
    ++m_generation;
    m_converting = false;
    showError(tr("The conversion was cancelled; nothing was stored."));
    updateState();
}

void NewPromptDialog::onConverted()
{
    m_converting = false;
    const Outcome outcome = m_watcher->result();
    updateState();
    if (!outcome.ok) {
        showError(outcome.error);
        return;
    }
    const VoicePrompt::Origin origin = m_pendingSource == Source::Recording ? VoicePrompt::Origin::RecordedLocally : VoicePrompt::Origin::ImportedFile;
    PromptLibrary library(m_store.prompts);
    auto stored = library.add(m_pendingName, m_pendingDescription, outcome.conversion, origin, m_pendingFile);
    if (!stored) {
        showError(stored.error().message);
        return;
    }
    m_createdId = stored->id;
    Q_EMIT promptCreated(stored->id);
    accept();
}

void NewPromptDialog::reject()
{
    if (m_converting) {
        cancelConversion();
        return;
    }
    if (m_calling) {
        // The server has no way to end the call: the person on the phone does.
        showError(tr("The call is in progress. Hang up the phone to end it; the window then shows what was recorded."));
        return;
    }
    m_callPoll.stop();
    if (m_fetching) {
        // Saved on the server already: it stays, and arrives here with a sync.
        m_fetching = false;
        m_callPromptId.clear();
    }
    forgetCallPrompt();
    if (m_recordState == RecordState::Recording)
        stopRecording();
    QDialog::reject();
}

void NewPromptDialog::updateState()
{
    const bool idle = !m_converting;
    const bool hasInput = !m_sources.isEmpty();
    const bool recording = m_recordState == RecordState::Recording;
    const Source src = source();

    const bool online = m_sync && m_sync->connected();
    const bool calling = m_calling || m_fetching;
    m_callRadio->setEnabled(idle && !recording && !calling && online);
    m_fileRadio->setEnabled(idle && !recording && !calling);
    m_recordRadio->setEnabled(idle && !calling);
    m_name->setEnabled(idle && !calling);
    m_description->setEnabled(idle && !calling);
    m_file->setEnabled(idle && src == Source::File);
    m_browse->setEnabled(idle && src == Source::File);
    m_normalise->setEnabled(idle);

    m_noInput->setVisible(!hasInput);
    m_device->setEnabled(idle && hasInput && src == Source::Recording && !recording);
    m_record->setEnabled(idle && hasInput && src == Source::Recording && m_recordState == RecordState::Idle);
    m_stop->setEnabled(recording);
    m_retake->setEnabled(idle && hasInput && src == Source::Recording && m_recordState == RecordState::Recorded);
    m_level->setEnabled(hasInput && src == Source::Recording);
    m_callUser->setEnabled(online && !calling);
    m_chooseUser->setEnabled(online && idle && !recording && !calling);
    m_callNote->setVisible(!online);
    m_callSteps->setVisible(!m_callStep.isEmpty());

    m_progress->setVisible(m_converting);
    m_cancelConversion->setVisible(m_converting);
    if (QPushButton *saveButton = m_buttons->button(QDialogButtonBox::Save)) {
        saveButton->setEnabled(idle && !recording && !calling && (src != Source::Call || (online && !m_callUserId.isEmpty())));
        saveButton->setText(src == Source::Call ? (m_callStep == QLatin1String("failed") ? tr("Call &again") : tr("Call the &phone")) : tr("&Save"));
    }
    if (m_recordState == RecordState::Idle && !recording)
        m_elapsed->setText(tr("%1 s").arg(QLocale().toString(0.0, 'f', 1)));
}

void NewPromptDialog::setCallUser(const QString &userId)
{
    auto user = m_store.users.get(userId);
    if (!user)
        return;
    m_callUserId = userId;
    m_callUser->setText(QStringLiteral("%1 <%2>").arg(user->displayName(), user->username));
    updateState();
}

UserSearchDialog *NewPromptDialog::chooseCallUser()
{
    auto *search = new UserSearchDialog(m_store, this);
    search->setAttribute(Qt::WA_DeleteOnClose);
    connect(search, &QDialog::accepted, this, [this, search] {
        if (!search->selectedUserId().isEmpty()) {
            setCallUser(search->selectedUserId());
            m_callRadio->setChecked(true);
        }
    });
    search->open();
    return search;
}

QString NewPromptDialog::callStepsText() const
{
    // The steps of the portal's call, the current one in bold.
    const QStringList steps{QStringLiteral("calling"), QStringLiteral("ringing"), QStringLiteral("recording"), QStringLiteral("saved")};
    const QStringList labels{tr("Calling"), tr("Ringing"),
                             m_recordedMs > 0 ? tr("Recording (%1 s)").arg(QLocale().toString(double(m_recordedMs) / 1000.0, 'f', 1)) : tr("Recording"),
                             m_fetching ? tr("Saved, fetching the recording…") : tr("Saved")};
    const qsizetype current = steps.indexOf(m_callStep);
    QStringList parts;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString label = labels.at(i).toHtmlEscaped();
        if (i == current)
            parts << QStringLiteral("<b>%1</b>").arg(label);
        else if (current >= 0 && i < current)
            parts << label;
        else
            parts << QStringLiteral("<span style=\"color:#777\">%1</span>").arg(label);
    }
    if (m_callStep == QLatin1String("failed"))
        parts << QStringLiteral("<b style=\"color:#b00020\">%1</b>").arg(tr("Failed").toHtmlEscaped());
    return parts.join(QStringLiteral(" → "));
}

void NewPromptDialog::startCall()
{
    if (!m_sync || !m_sync->connected()) {
        showError(tr("Recording by call needs the connection to the telephony server. Import a file or record locally."));
        return;
    }
    if (m_callUserId.isEmpty()) {
        showError(tr("Choose the user whose phone is called."));
        return;
    }
    // The prompt exists before the call: the server records into it. Created once, kept for
    // another attempt, and removed again if the window closes without a recording.
    if (m_callPromptId.isEmpty()) {
        VoicePrompt prompt;
        prompt.name = m_pendingName;
        prompt.description = m_pendingDescription;
        prompt.origin = VoicePrompt::Origin::RecordedByCall;
        auto created = m_store.prompts.create(prompt);
        if (!created) {
            showError(created.error().message);
            return;
        }
        m_callPromptId = created->id;
    } else if (auto prompt = m_store.prompts.get(m_callPromptId); prompt && (prompt->name != m_pendingName || prompt->description != m_pendingDescription)) {
        VoicePrompt changed = prompt.value();
        changed.name = m_pendingName;
        changed.description = m_pendingDescription;
        if (Status s = m_store.prompts.update(changed); !s) {
            showError(s.error().message);
            return;
        }
    }
    m_calling = true;
    m_callJob.clear();
    m_recordedMs = 0;
    m_callStep = QStringLiteral("calling");
    m_callSteps->setText(callStepsText());
    updateState();
    QPointer<NewPromptDialog> self(this);
    m_sync->startRecordCall(m_callPromptId, m_callUserId, [self](const SyncController::Reply &reply) {
        if (!self)
            return;
        if (!reply.ok) {
            self->callFailed(reply.message);
            return;
        }
        self->m_callJob = reply.json.value(QLatin1String("id")).toString();
        self->showCallJob(reply.json);
    });
}

void NewPromptDialog::pollCall()
{
    if (!m_calling || m_callJob.isEmpty() || !m_sync)
        return;
    QPointer<NewPromptDialog> self(this);
    m_sync->fetchCallJob(m_callJob, [self](const SyncController::Reply &reply) {
        if (!self || !self->m_calling)
            return;
        if (reply.ok)
            self->showCallJob(reply.json);
        else if (reply.offline)
            self->m_callPoll.start(); // a moment without the server: the call goes on there
        else
            self->callFailed(reply.message);
    });
}

void NewPromptDialog::showCallJob(const QJsonObject &job)
{
    m_callStep = job.value(QLatin1String("step")).toString();
    m_recordedMs = job.value(QLatin1String("recordedMs")).toInteger();
    if (m_callStep == QLatin1String("failed")) {
        const QString reason = job.value(QLatin1String("reason")).toString();
        callFailed(reason.isEmpty() ? tr("The call failed (%1).").arg(job.value(QLatin1String("reasonCode")).toString()) : reason);
        return;
    }
    if (m_callStep == QLatin1String("saved")) {
        // The recording is the server's prompt now; it reaches this store with a sync.
        m_calling = false;
        m_fetching = true;
        m_callSteps->setText(callStepsText());
        updateState();
        m_sync->syncNow();
        return;
    }
    m_callSteps->setText(callStepsText());
    updateState();
    m_callPoll.start();
}

void NewPromptDialog::callFailed(const QString &message)
{
    m_calling = false;
    m_callPoll.stop();
    m_callStep = QStringLiteral("failed");
    m_callSteps->setText(callStepsText());
    showError(message);
    updateState();
}

void NewPromptDialog::fetchRecording()
{
    auto audio = m_store.prompts.audio(m_callPromptId);
    if (!audio || audio->isEmpty()) {
        if (m_sync && !m_sync->lastError().isEmpty()) {
            m_fetching = false;
            showError(tr("The recording is saved on the server but could not be fetched yet (%1). It arrives with the next sync.")
                          .arg(m_sync->lastError()));
            m_createdId = m_callPromptId;
            m_callPromptId.clear(); // the server has it: it stays
            m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
            updateState();
        }
        return; // another sync is on its way
    }
    m_fetching = false;
    m_createdId = m_callPromptId;
    m_callPromptId.clear();
    Q_EMIT promptCreated(m_createdId);
    accept();
}

void NewPromptDialog::forgetCallPrompt()
{
    if (m_callPromptId.isEmpty())
        return;
    // Created for a call that recorded nothing: nothing is left behind, here or on the server.
    if (Status s = m_store.prompts.remove(m_callPromptId); !s)
        qWarning("%s", qPrintable(s.error().message));
    m_callPromptId.clear();
}

void NewPromptDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_converting && !droppedAudioFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void NewPromptDialog::dropEvent(QDropEvent *event)
{
    const QString path = droppedAudioFile(event->mimeData());
    if (m_converting || path.isEmpty())
        return;
    setFile(path);
    event->acceptProposedAction();
}

void NewPromptDialog::fitHeight()
{
    // Wrapped notes need more lines in French and Dutch: the window grows rather than squeeze them.
    if (layout() && layout()->hasHeightForWidth()) {
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
}

void NewPromptDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The button box names its standard buttons again on the same event: ours (Call the
        // phone, Call again) are set once it has.
        QMetaObject::invokeMethod(this, &NewPromptDialog::updateState, Qt::QueuedConnection);
        QMetaObject::invokeMethod(this, &NewPromptDialog::fitHeight, Qt::QueuedConnection);
    }
    QDialog::changeEvent(event);
}

void NewPromptDialog::retranslate()
{
    setWindowTitle(tr("New voice prompt"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setAccessibleName(tr("Name"));
    m_descriptionLabel->setText(tr("&Description:"));
    m_description->setAccessibleName(tr("Description"));
    m_descriptionHint->setText(tr("A good practice is to write the exact text of the prompt."));
    m_description->setPlaceholderText(tr("The exact text of the prompt"));
    if (auto *box = findChild<QGroupBox *>(QStringLiteral("audioBox")))
        box->setTitle(tr("Audio"));
    m_fileRadio->setText(tr("&Import a file"));
    m_file->setAccessibleName(tr("Audio file to import"));
    m_file->setPlaceholderText(tr("WAV, AIFF, FLAC, Ogg… at any rate"));
    m_browse->setText(tr("&Browse…"));
    m_dropHint->setText(tr("You can also drop an audio file on this window."));
    m_normalise->setText(tr("Normalise loudness to −16 L&UFS"));
    m_recordRadio->setText(tr("Record &locally"));
    m_deviceLabel->setText(tr("&Microphone:"));
    m_device->setAccessibleName(tr("Audio input"));
    m_level->setAccessibleName(tr("Recording level"));
    m_record->setText(tr("&Record"));
    m_stop->setText(tr("S&top"));
    m_retake->setText(tr("R&etake"));
    m_elapsed->setAccessibleName(tr("Recorded time"));
    m_noInput->setText(tr("No audio input device was found (no microphone, sound card or sound server): local recording is not available. "
                          "Import a file instead."));
    m_callRadio->setText(tr("Record by &call"));
    m_callUser->setAccessibleName(tr("User to call"));
    m_callUser->setPlaceholderText(tr("Choose the user whose phone is called"));
    m_chooseUser->setText(tr("C&hoose…"));
    m_callNote->setText(tr("Not available: recording by call needs the connection to the telephony server (Server › Connect to a server…). "
                           "The server calls the chosen user, who speaks the prompt into the phone."));
    if (!m_callStep.isEmpty())
        m_callSteps->setText(callStepsText());
    m_cancelConversion->setText(tr("Cancel con&version"));
    m_progress->setAccessibleName(tr("Converting the audio"));
    m_progress->setFormat(tr("Converting…"));
    if (QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setText(tr("Cancel"));
    updateState();
}

} // namespace centrale
