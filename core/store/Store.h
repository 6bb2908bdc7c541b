#pragma once

#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/FunctionNumberRepository.h"
#include "store/GroupRepository.h"
#include "store/KeyTemplateRepository.h"
#include "store/NumberRepository.h"
#include "store/OrganisationRepository.h"
#include "store/OutboxRepository.h"
#include "store/PhoneRepository.h"
#include "store/PromptRepository.h"
#include "store/UserRepository.h"

namespace centrale {

// An open local store and its repositories. Passed to whoever needs it; never a singleton.
class Store final {
    Q_DISABLE_COPY_MOVE(Store)
    Database m_db; // first: the repositories below hold a reference to it

public:
    Store();

    Status open(const QString &path);
    // Re-reads the organisation after it was created or changed (the user repository validates
    // usernames against its domain).
    void refreshOrganisation();
    Database &database() { return m_db; }
    QString path() const { return m_db.path(); }

    OrganisationRepository organisation;
    GroupRepository groups;
    UserRepository users;
    NumberRepository numbers;
    ContactRepository contacts;
    PromptRepository prompts;
    FunctionNumberRepository functions;
    PhoneRepository phones;
    KeyTemplateRepository templates;
    OutboxRepository outbox;
};

} // namespace centrale
