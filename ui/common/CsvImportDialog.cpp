#include "common/CsvImportDialog.h"

#include "bulk/ContactCsv.h"
#include "bulk/UserCsv.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace centrale {

// The checked file: the report to show, and how to write it.
struct CsvImportDialog::Prepared {
    ImportPlan report;
    std::function<Status(Store &, bool skipRejected, const BulkProgress &, const BulkCancel *)> apply;
};

namespace {
enum Page { ProgressPage, ReportPage, ResultPage };
// A report longer than this shows the rejected rows and the first of the others.
constexpr int kShownRows = 2000;

QString actionLabel(ImportRow::Action action)
{
    switch (action) {
    case ImportRow::Action::Create: return CsvImportDialog::tr("Create");
    case ImportRow::Action::Update: return CsvImportDialog::tr("Update");
    case ImportRow::Action::Unchanged: return CsvImportDialog::tr("Unchanged");
    case ImportRow::Action::Rejected: return CsvImportDialog::tr("Rejected");
    }
    return {};
}
} // namespace

CsvImportDialog::CsvImportDialog(const QString &storePath, Kind kind, QWidget *parent)
    : QDialog(parent), m_storePath(storePath), m_kind(kind), m_pages(new QStackedWidget(this)), m_progressLabel(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_summary(new QLabel(this)), m_unknown(new QLabel(this)), m_report(new QTableWidget(0, 4, this)),
      m_skip(new QCheckBox(tr("Skip the rejected rows and import the others"), this)), m_result(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(this)), m_import(new QPushButton(tr("Import"), this))
{
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(kind == Kind::Users ? tr("Import users") : tr("Import contacts"));
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progressLabel->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_unknown->setObjectName(QStringLiteral("importUnknownColumns"));
    m_unknown->setWordWrap(true);
    m_report->setObjectName(QStringLiteral("importReport"));
    m_report->setHorizontalHeaderLabels({tr("Line"), kind == Kind::Users ? tr("Username") : tr("Contact"), tr("Action"), tr("Reason")});
    m_report->horizontalHeader()->setStretchLastSection(true);
    m_report->verticalHeader()->setVisible(false);
    m_report->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_report->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_report->setWordWrap(true);
    m_skip->setObjectName(QStringLiteral("importSkipRejected"));
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    m_import->setObjectName(QStringLiteral("importConfirm"));

    auto *progressPage = new QWidget(m_pages);
    auto *progressLayout = new QVBoxLayout(progressPage);
    progressLayout->addStretch(1);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progress);
    progressLayout->addStretch(1);
    auto *reportPage = new QWidget(m_pages);
    auto *reportLayout = new QVBoxLayout(reportPage);
    reportLayout->addWidget(m_summary);
    reportLayout->addWidget(m_unknown);
    reportLayout->addWidget(m_report, 1);
    reportLayout->addWidget(m_skip);
    auto *resultPage = new QWidget(m_pages);
    auto *resultLayout = new QVBoxLayout(resultPage);
    resultLayout->addWidget(m_result);
    resultLayout->addStretch(1);
    m_pages->addWidget(progressPage);
    m_pages->addWidget(reportPage);
    m_pages->addWidget(resultPage);

    m_buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("importCancel"));
    connect(m_import, &QPushButton::clicked, this, &CsvImportDialog::import);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CsvImportDialog::reject);
    connect(m_skip, &QCheckBox::toggled, this, &CsvImportDialog::updateImportButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(760, 520);
    m_import->setEnabled(false);
}

CsvImportDialog::~CsvImportDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_worker)
        m_worker->wait();
}

void CsvImportDialog::run(std::function<void(Store &, const BulkCancel *)> work)
{
    m_cancel = std::make_shared<BulkCancel>(false);
    std::shared_ptr<BulkCancel> cancel = m_cancel;
    m_error->hide();
    m_pages->setCurrentIndex(ProgressPage);
    m_progress->setRange(0, 0);
    m_import->setEnabled(false);
    const QString path = m_storePath;
    // The worker reads and writes through its own connection: a connection belongs to one thread.
    m_worker = QThread::create([this, path, cancel, work = std::move(work)] {
        Store store;
        if (Status s = store.open(path); !s) {
            const QString message = s.error().message;
            QMetaObject::invokeMethod(this, [this, message] { showFailure(message); }, Qt::QueuedConnection);
            return;
        }
        work(store, cancel.get());
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

void CsvImportDialog::setProgress(int done, int total)
{
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
}

void CsvImportDialog::start(const QString &csvPath)
{
    m_csvPath = csvPath;
    m_progressLabel->setText(tr("Checking %1…").arg(QFileInfo(csvPath).fileName()));
    const Kind kind = m_kind;
    run([this, csvPath, kind](Store &store, const BulkCancel *stop) {
        auto progress = [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] { setProgress(done, total); }, Qt::QueuedConnection);
        };
        auto prepared = std::make_shared<Prepared>();
        Status s;
        if (kind == Kind::Users) {
            auto plan = UserCsv(store).planFile(csvPath, progress, stop);
            if (plan) {
                auto shared = std::make_shared<UserCsv::Plan>(std::move(*plan));
                prepared->report = *shared;
                prepared->apply = [shared](Store &st, bool skip, const BulkProgress &p, const BulkCancel *c) {
                    return UserCsv(st).apply(*shared, skip, p, c);
                };
            } else {
                s = plan.error();
            }
        } else {
            auto plan = ContactCsv(store).planFile(csvPath, progress, stop);
            if (plan) {
                auto shared = std::make_shared<ContactCsv::Plan>(std::move(*plan));
                prepared->report = *shared;
                prepared->apply = [shared](Store &st, bool skip, const BulkProgress &p, const BulkCancel *c) {
                    return ContactCsv(st).apply(*shared, skip, p, c);
                };
            } else {
                s = plan.error();
            }
        }
        if (!s) {
            const QString message = s.error().message;
            QMetaObject::invokeMethod(this, [this, message] { showFailure(message); }, Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(this, [this, prepared] { showPlan(prepared); }, Qt::QueuedConnection);
    });
}

void CsvImportDialog::showPlan(std::shared_ptr<Prepared> prepared)
{
    m_prepared = std::move(prepared);
    const ImportPlan &plan = m_prepared->report;
    m_summary->setText(plan.summary());
    m_unknown->setText(plan.unknownColumns.isEmpty() ? QString()
                                                     : tr("Columns not understood, ignored: %1").arg(plan.unknownColumns.join(QStringLiteral(", "))));
    m_unknown->setVisible(!plan.unknownColumns.isEmpty());
    // Rejected rows first: they are what needs attention.
    QList<const ImportRow *> rows;
    for (const ImportRow &r : plan.rows) {
        if (r.action == ImportRow::Action::Rejected)
            rows << &r;
    }
    for (const ImportRow &r : plan.rows) {
        if (r.action != ImportRow::Action::Rejected && rows.size() < kShownRows)
            rows << &r;
    }
    m_report->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const ImportRow &r = *rows.at(i);
        auto *line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, r.line);
        m_report->setItem(i, 0, line);
        m_report->setItem(i, 1, new QTableWidgetItem(r.key));
        auto *action = new QTableWidgetItem(actionLabel(r.action));
        if (r.action == ImportRow::Action::Rejected)
            action->setForeground(QColor(0xb0, 0x00, 0x20));
        m_report->setItem(i, 2, action);
        m_report->setItem(i, 3, new QTableWidgetItem(r.reason));
    }
    m_report->resizeColumnsToContents();
    m_report->horizontalHeader()->setStretchLastSection(true);
    m_skip->setChecked(false);
    m_skip->setVisible(plan.hasRejected());
    m_pages->setCurrentIndex(ReportPage);
    updateImportButton();
    Q_EMIT planned();
}

void CsvImportDialog::updateImportButton()
{
    if (!m_prepared || m_pages->currentIndex() != ReportPage) {
        m_import->setEnabled(false);
        return;
    }
    const ImportPlan &plan = m_prepared->report;
    const int toWrite = plan.count(ImportRow::Action::Create) + plan.count(ImportRow::Action::Update);
    m_import->setEnabled(toWrite > 0 && (!plan.hasRejected() || m_skip->isChecked()));
    m_import->setToolTip(plan.hasRejected() && !m_skip->isChecked() ? tr("Correct the rejected rows, or choose to skip them.") : QString());
}

void CsvImportDialog::import()
{
    if (!m_prepared || !m_import->isEnabled())
        return;
    m_progressLabel->setText(tr("Importing %1…").arg(QFileInfo(m_csvPath).fileName()));
    const bool skip = m_skip->isChecked();
    auto prepared = m_prepared;
    run([this, prepared, skip](Store &store, const BulkCancel *stop) {
        auto progress = [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] { setProgress(done, total); }, Qt::QueuedConnection);
        };
        const Status s = prepared->apply(store, skip, progress, stop);
        if (!s) {
            const QString message = s.error().message;
            QMetaObject::invokeMethod(this, [this, message] { showFailure(message); }, Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(this, [this, prepared] {
            const int created = prepared->report.count(ImportRow::Action::Create);
            const int updated = prepared->report.count(ImportRow::Action::Update);
            m_result->setText(tr("Imported: %1 created, %2 updated.").arg(created).arg(updated));
            m_pages->setCurrentIndex(ResultPage);
            m_import->hide();
            for (QAbstractButton *b : m_buttons->buttons()) {
                if (m_buttons->buttonRole(b) == QDialogButtonBox::RejectRole)
                    b->setText(tr("Close"));
            }
            Q_EMIT imported(created, updated);
        }, Qt::QueuedConnection);
    });
}

void CsvImportDialog::showFailure(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    // Back to the report when there is one: the administrator may try again or cancel.
    m_pages->setCurrentIndex(m_prepared ? ReportPage : ProgressPage);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    updateImportButton();
    Q_EMIT failed();
}

void CsvImportDialog::reject()
{
    if (isBusy()) {
        // Stop the work; a stopped import writes nothing. The dialog closes once it has stopped.
        m_cancel->store(true);
        m_worker->wait();
    }
    QDialog::reject();
}

QString CsvImportDialog::summaryText() const
{
    return m_summary->text();
}

QString CsvImportDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace centrale
