/**
 * A faithful subset of GitHub's GraphQL schema (api.github.com/graphql, public schema), with
 * the same names, arguments, defaults and nullability for the fields wrapup-lint and its tests
 * use.
 */
export const SCHEMA_SDL = /* GraphQL */ `
  scalar URI
  scalar DateTime
  scalar GitObjectID

  type Query {
    "Lookup a given repository by the owner and repository name."
    repository(owner: String!, name: String!, followRenames: Boolean = true): Repository
    "Lookup a repository owner (ie. either a User or an Organization) by login."
    repositoryOwner(login: String!): RepositoryOwner
    "Lookup a user by login."
    user(login: String!): User
    "Lookup a organization by login."
    organization(login: String!): Organization
    "The client's rate limit information."
    rateLimit(dryRun: Boolean = false): RateLimit
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }

  interface RepositoryOwner {
    id: ID!
    login: String!
    url: URI!
  }

  type User implements RepositoryOwner {
    id: ID!
    login: String!
    url: URI!
  }

  type Organization implements RepositoryOwner {
    id: ID!
    login: String!
    url: URI!
  }

  type Repository {
    id: ID!
    name: String!
    nameWithOwner: String!
    owner: RepositoryOwner!
    url: URI!
    isArchived: Boolean!
    "Identifies the date and time when the repository was archived."
    archivedAt: DateTime
    isPrivate: Boolean!
    "Identifies the date and time when the repository was last pushed to."
    pushedAt: DateTime
    hasDiscussionsEnabled: Boolean!
    pullRequest(number: Int!): PullRequest
    issue(number: Int!): Issue
    issueOrPullRequest(number: Int!): IssueOrPullRequest
    discussion(number: Int!): Discussion
    object(expression: String, oid: GitObjectID): GitObject
    ref(qualifiedName: String!): Ref
    release(tagName: String!): Release
  }

  union IssueOrPullRequest = Issue | PullRequest

  "The possible states of an issue."
  enum IssueState {
    OPEN
    CLOSED
  }

  "The possible state reasons of an issue."
  enum IssueStateReason {
    REOPENED
    NOT_PLANNED
    COMPLETED
    DUPLICATE
  }

  "The possible states of a pull request."
  enum PullRequestState {
    OPEN
    CLOSED
    MERGED
  }

  "The possible state reasons of a discussion."
  enum DiscussionStateReason {
    RESOLVED
    OUTDATED
    DUPLICATE
    REOPENED
  }

  type Issue {
    id: ID!
    number: Int!
    title: String!
    url: URI!
    "Identifies the state of the issue."
    state: IssueState!
    "Identifies the reason for the issue state."
    stateReason(enableDuplicate: Boolean = false): IssueStateReason
    "Indicates if the object is closed (definition of closed may depend on type)."
    closed: Boolean!
    closedAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type PullRequest {
    id: ID!
    number: Int!
    title: String!
    url: URI!
    "Identifies the state of the pull request."
    state: PullRequestState!
    "Identifies if the pull request is a draft."
    isDraft: Boolean!
    "Whether or not the pull request was merged."
    merged: Boolean!
    mergedAt: DateTime
    closed: Boolean!
    closedAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
    headRefName: String!
  }

  type Discussion {
    id: ID!
    number: Int!
    title: String!
    url: URI!
    "Indicates if the object is closed (definition of closed may depend on type)."
    closed: Boolean!
    closedAt: DateTime
    "The reason for the current state of this discussion."
    stateReason: DiscussionStateReason
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  interface GitObject {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
  }

  type Commit implements GitObject {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
    messageHeadline: String!
    "The datetime when this commit was committed."
    committedDate: DateTime!
  }

  type Tree implements GitObject {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
  }

  type Blob implements GitObject {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
  }

  type Ref {
    id: ID!
    name: String!
    prefix: String!
    target: GitObject
  }

  type Release {
    id: ID!
    name: String
    tagName: String!
    url: URI!
    isDraft: Boolean!
    isPrerelease: Boolean!
    publishedAt: DateTime
  }
`;
