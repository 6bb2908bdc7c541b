#include "prompts/PromptsPage.h"

#include "audio/PromptLibrary.h"
#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "prompts/AudioInputSource.h"
#include "prompts/NewPromptDialog.h"
#include "prompts/PromptDetail.h"
#include "prompts/PromptFileDialog.h"
#include "store/Store.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QTableView>
#include <QToolBar>

namespace centrale {

namespace {
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

PromptsPage::PromptsPage(Store &store, TablePanel *panel, QObject *parent)
    : QObject(parent), m_store(store), m_panel(panel), m_detail(new PromptDetail(store, panel)), m_new(new QAction(panel)),
      m_delete(new QAction(panel)), m_export(new QAction(panel)), m_play(new QAction(panel)),
      m_sourceFactory([](QObject *owner) { return AudioInputSource::available(owner); })
{
    setObjectName(QStringLiteral("promptsPage"));
    m_new->setObjectName(QStringLiteral("newPrompt"));
    m_new->setShortcut(QKeySequence::New);
    m_delete->setObjectName(QStringLiteral("deletePrompt"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_export->setObjectName(QStringLiteral("exportPrompt"));
    m_play->setObjectName(QStringLiteral("playPrompt"));
    m_play->setCheckable(true);
    for (QAction *a : {m_new, m_delete, m_export, m_play})
        m_panel->toolBar()->addAction(a);

    m_panel->setDetail(m_detail);
    m_panel->setAcceptDrops(true);
    m_panel->installEventFilter(this);

    connect(m_new, &QAction::triggered, this, [this] { newPrompt(); });
    connect(m_delete, &QAction::triggered, this, &PromptsPage::deleteSelected);
    connect(m_export, &QAction::triggered, this, &PromptsPage::exportSelected);
    connect(m_play, &QAction::triggered, this, &PromptsPage::playSelected);
    connect(m_panel, &TablePanel::currentChanged, this, [this](const QString &id) {
        m_detail->setPrompt(id);
        updateActions();
    });
    connect(m_detail, &PromptDetail::playingChanged, this, &PromptsPage::updateActions);
    // The list may have loaded before this page was attached: show the first prompt's detail.
    if (m_panel->selectedId().isEmpty() && m_panel->model()->rowCount() > 0)
        m_panel->table()->setCurrentIndex(m_panel->model()->index(0, 0));
    m_detail->setPrompt(m_panel->selectedId());
    retranslate();
}

NewPromptDialog *PromptsPage::newPrompt(const QString &file)
{
    auto *dialog = new NewPromptDialog(m_store, m_sourceFactory ? m_sourceFactory(nullptr) : QList<PcmSource *>{}, m_sync, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!file.isEmpty())
        dialog->setFile(file);
    connect(dialog, &NewPromptDialog::promptCreated, this, [this](const QString &id) {
        m_panel->model()->reload();
        select(id);
        Q_EMIT changed();
    });
    dialog->open();
    return dialog;
}

void PromptsPage::select(const QString &id)
{
    PagedTableModel *model = m_panel->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->idAt(r) == id) {
            m_panel->table()->setCurrentIndex(model->index(r, 0));
            return;
        }
    }
}

void PromptsPage::showMessage(const QString &title, const QString &text, bool warning)
{
    auto *box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title, text, QMessageBox::Ok, m_panel->window());
    box->setObjectName(QStringLiteral("promptMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void PromptsPage::deleteSelected()
{
    const QString id = m_panel->selectedId();
    if (id.isEmpty())
        return;
    auto prompt = m_store.prompts.get(id);
    if (!prompt) {
        showMessage(tr("Delete voice prompt"), prompt.error().message, true);
        return;
    }
    // A prompt a calendar event plays is not deleted: say which events use it, without asking first.
    auto usage = m_store.prompts.usage(id);
    if (usage && !usage->isEmpty()) {
        PromptLibrary library(m_store.prompts);
        const Status refused = library.remove(id);
        showMessage(tr("Delete voice prompt"), refused ? tr("The voice prompt was deleted.") : refused.error().message, !refused.ok());
        if (refused) {
            m_panel->model()->reload();
            Q_EMIT changed();
        }
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete voice prompt"),
                                tr("Delete the voice prompt %1? This cannot be undone.").arg(prompt->name), QMessageBox::Yes | QMessageBox::No,
                                m_panel->window());
    box->setObjectName(QStringLiteral("confirmDeletePrompt"));
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->button(QMessageBox::No)->setText(tr("&Keep"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_detail->stop();
        PromptLibrary library(m_store.prompts);
        if (Status s = library.remove(id); !s) {
            showMessage(tr("Delete voice prompt"), s.error().message, true);
            return;
        }
        m_panel->model()->reload();
        Q_EMIT changed();
    });
    box->open();
}

void PromptsPage::exportSelected()
{
    const QString id = m_panel->selectedId();
    if (id.isEmpty())
        return;
    auto prompt = m_store.prompts.get(id);
    if (!prompt)
        return showMessage(tr("Export voice prompt"), prompt.error().message, true);
    const QString path = PromptFileDialog::getSaveFileName(m_panel->window(), tr("Export voice prompt"),
                                                           QString(prompt->name + QStringLiteral(".wav")), tr("WAV files (*.wav)"));
    if (path.isEmpty())
        return;
    PromptLibrary library(m_store.prompts);
    if (Status s = library.exportWav(id, path); !s)
        showMessage(tr("Export voice prompt"), s.error().message, true);
}

void PromptsPage::playSelected()
{
    if (m_detail->isPlaying())
        m_detail->stop();
    else
        m_detail->play();
    updateActions();
}

void PromptsPage::updateActions()
{
    const bool selected = !m_panel->selectedId().isEmpty();
    m_delete->setEnabled(selected);
    m_export->setEnabled(selected && m_detail->hasAudio());
    m_play->setEnabled(m_detail->canPlay() || m_detail->isPlaying());
    m_play->setChecked(m_detail->isPlaying());
    m_play->setText(m_detail->isPlaying() ? tr("Stop") : tr("Play"));
    m_play->setToolTip(m_detail->hasAudio() && !m_detail->canPlay()
                           ? tr("No audio output device was found (no sound card or sound server): the prompt cannot be played here.")
                           : tr("Play the selected voice prompt"));
}

bool PromptsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (!droppedAudioFile(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
            break;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            const QString path = droppedAudioFile(drop->mimeData());
            if (!path.isEmpty()) {
                drop->acceptProposedAction();
                newPrompt(path);
                return true;
            }
            break;
        }
        case QEvent::LanguageChange:
            retranslate();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void PromptsPage::retranslate()
{
    m_new->setText(tr("New voice prompt"));
    m_new->setToolTip(tr("New voice prompt: import a file or record it (%1)").arg(m_new->shortcut().toString(QKeySequence::NativeText)));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected voice prompt (%1)").arg(m_delete->shortcut().toString(QKeySequence::NativeText)));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save the selected voice prompt as a WAV file (A-law, 8 kHz, mono)"));
    updateActions();
}

} // namespace centrale
