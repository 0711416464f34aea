// A notFound() from a workspace page renders inside that workspace's layout, with the same answer.
export { default } from "../not-found";
