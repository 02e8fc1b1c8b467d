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
    isPrivate: Boolean!
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

  type Issue {
    id: ID!
    number: Int!
    title: String!
    url: URI!
  }

  type PullRequest {
    id: ID!
    number: Int!
    title: String!
    url: URI!
  }

  type Discussion {
    id: ID!
    number: Int!
    title: String!
    url: URI!
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
  }
`;
